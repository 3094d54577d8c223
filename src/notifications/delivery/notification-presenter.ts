import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Donor } from '../../accounts/entities/donor.entity';
import { Actor } from '../../access/actor';
import { Match } from '../../matching/entities/match.entity';
import { MatchesService } from '../../matching/api/matches.service';
import { Need } from '../../needs/entities/need.entity';
import { NeedsService } from '../../needs/needs.service';
import { Offer } from '../../offers/entities/offer.entity';
import type { UnLanguage } from '../../reference/data/themes';
import { ReferenceService } from '../../reference/reference.service';
import { Notification } from '../entities/notification.entity';
import { NotificationKind } from '../notification-kind';
import { countryName, formatDate, formatScore, formatUsd, renderPair, TextValues } from '../texts/render';

/** A notification as one reader may be told it. */
export interface PresentedNotification {
  notification: Notification;
  /** False when the reader may no longer see its need or pairing: the text then says only that. */
  visible: boolean;
  title: string;
  body: string;
}

/**
 * Writes notifications out for a reader, checking at that moment that the reader may still see each
 * one's need or pairing (the visibility rules of the needs and matches features): whatever is shown
 * in the application or sent by e-mail passes through here.
 */
@Injectable()
export class NotificationPresenter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly matches: MatchesService,
    private readonly needs: NeedsService,
    private readonly reference: ReferenceService,
  ) {}

  async present(reader: Actor, language: UnLanguage, notifications: readonly Notification[]): Promise<PresentedNotification[]> {
    const matchIds = unique(notifications.map((item) => item.matchId));
    const [visibleMatches, visibleNeeds] = await Promise.all([
      this.matches.visibleIds(reader, matchIds),
      this.needs.visibleIds(reader, unique(notifications.map((item) => item.needId))),
    ]);
    const subjects = await this.loadSubjects([...visibleMatches], [...visibleNeeds]);
    return notifications.map((notification) => {
      const visible =
        (!notification.matchId || visibleMatches.has(notification.matchId)) &&
        (!notification.needId || visibleNeeds.has(notification.needId));
      if (!visible) return { notification, visible, ...renderPair(language, 'UNAVAILABLE', {}) };
      return { notification, visible, ...renderPair(language, textKey(notification), this.values(language, notification, subjects)) };
    });
  }

  private values(language: UnLanguage, { matchId, needId, params }: Notification, subjects: Subjects): TextValues {
    const match = matchId ? subjects.matches.get(matchId) : undefined;
    const need = subjects.needs.get(match?.needId ?? needId ?? '');
    const offer = match ? subjects.offers.get(match.offerId) : undefined;
    const country = need ? this.reference.findCountry(need.countryIso3) : undefined;
    const counts = params.counts ?? {};
    return {
      need: need?.title ?? '',
      offer: offer?.title ?? '',
      donor: (offer && subjects.donors.get(offer.donorId)) ?? '',
      country: country ? countryName(language, country.iso2) : (need?.countryIso3 ?? ''),
      amount: formatUsd(language, params.allocatedUsd ?? match?.allocatedUsd ?? 0),
      score: formatScore(language, params.score ?? match?.score ?? 0),
      date: params.date ? formatDate(language, params.date) : '',
      reason: params.reason ?? '',
      ...Object.fromEntries(SUMMARY_COUNTS.map((name) => [name, new Intl.NumberFormat(language).format(counts[name] ?? 0)])),
    };
  }

  private async loadSubjects(matchIds: string[], needIds: string[]): Promise<Subjects> {
    const matches = matchIds.length ? await this.dataSource.getRepository(Match).findBy({ id: In(matchIds) }) : [];
    const allNeedIds = unique([...needIds, ...matches.map((match) => match.needId)]);
    const offerIds = unique(matches.map((match) => match.offerId));
    const [needs, offers] = await Promise.all([
      allNeedIds.length
        ? this.dataSource.getRepository(Need).find({ where: { id: In(allNeedIds) }, select: { id: true, title: true, countryIso3: true } })
        : [],
      offerIds.length
        ? this.dataSource.getRepository(Offer).find({ where: { id: In(offerIds) }, select: { id: true, title: true, donorId: true } })
        : [],
    ]);
    const donorIds = unique(offers.map((offer) => offer.donorId));
    const donors = donorIds.length
      ? await this.dataSource.getRepository(Donor).find({ where: { id: In(donorIds) }, select: { id: true, name: true } })
      : [];
    return {
      matches: new Map(matches.map((match) => [match.id, match])),
      needs: new Map(needs.map((need) => [need.id, need])),
      offers: new Map(offers.map((offer) => [offer.id, offer])),
      donors: new Map(donors.map((donor) => [donor.id, donor.name])),
    };
  }
}

interface Subjects {
  matches: Map<string, Match>;
  needs: Map<string, Pick<Need, 'id' | 'title' | 'countryIso3'>>;
  offers: Map<string, Pick<Offer, 'id' | 'title' | 'donorId'>>;
  donors: Map<string, string>;
}

/** The daily summary's counts, as the summary job fills them and the texts name them. */
export const SUMMARY_COUNTS = ['needsPublished', 'offersPublished', 'strongMatches', 'approved', 'confirmed', 'declined'] as const;
export type SummaryCount = (typeof SUMMARY_COUNTS)[number];

function textKey({ kind, params }: Notification): Parameters<typeof renderPair>[1] {
  if (kind === NotificationKind.PROGRESS_REPORT_DUE && params.overdue) return 'PROGRESS_REPORT_OVERDUE';
  return kind;
}

function unique(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => !!id))];
}
