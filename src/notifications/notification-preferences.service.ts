import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../access/actor';
import { BadUserInputError } from '../common/errors/domain-errors';
import { UnLanguage } from '../reference/data/themes';
import { UpdateNotificationPreferencesInput } from './dto/notification-preferences.input';
import { NotificationPreferences } from './entities/notification-preferences.entity';
import { KIND_RULES, KindDelivery, kindsFor, NotificationKind } from './notification-kind';
import { isUniqueViolation } from '../database/unique-violation';

/** A user's preferences with every default filled in. */
export interface EffectivePreferences {
  language: UnLanguage;
  kinds: Record<NotificationKind, KindDelivery>;
}

const DEFAULT_LANGUAGE: UnLanguage = 'en';

function effective(stored: NotificationPreferences | undefined): EffectivePreferences {
  const kinds = Object.fromEntries(
    Object.values(NotificationKind).map((kind) => [kind, { ...KIND_RULES[kind].defaults, ...stored?.kinds[kind] }]),
  ) as Record<NotificationKind, KindDelivery>;
  return { language: stored?.language ?? DEFAULT_LANGUAGE, kinds };
}

/** Each user's choice per kind (e-mail or not, digest or at once) and language. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async forUsers(userIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, EffectivePreferences>> {
    const stored = userIds.length ? await manager.find(NotificationPreferences, { where: { userId: In([...userIds]) } }) : [];
    const byUser = new Map(stored.map((row) => [row.userId, row]));
    return new Map(userIds.map((id) => [id, effective(byUser.get(id))]));
  }

  async forUser(userId: string): Promise<EffectivePreferences> {
    return (await this.forUsers([userId])).get(userId)!;
  }

  /**
   * Changes the caller's own preferences: the language, and any of the kinds their role receives.
   * Kinds left out keep their setting. Refused as a whole, naming the entry, when a kind is not one
   * the role receives, is named twice, or is a digest by nature and asked to come at once.
   */
  async update(actor: Actor, input: UpdateNotificationPreferencesInput): Promise<EffectivePreferences> {
    const allowed = kindsFor(actor.role);
    const seen = new Set<NotificationKind>();
    (input.kinds ?? []).forEach(({ kind, digest }, index) => {
      const field = `input.kinds.${index}.kind`;
      if (!allowed.includes(kind))
        throw BadUserInputError.forField(field, `${kind} is not sent to ${actor.role} users; they receive ${allowed.join(', ')}.`);
      if (seen.has(kind)) throw BadUserInputError.forField(field, `${kind} is named more than once.`);
      if (KIND_RULES[kind].alwaysDigest && !digest)
        throw BadUserInputError.forField(`input.kinds.${index}.digest`, `${kind} is a daily digest; it cannot be sent at once.`);
      seen.add(kind);
    });
    const save = () =>
      this.dataSource.transaction(async (manager) => {
        const stored = await manager.findOneBy(NotificationPreferences, { userId: actor.userId });
        const row = stored ?? Object.assign(new NotificationPreferences(), { userId: actor.userId, language: DEFAULT_LANGUAGE, kinds: {} });
        const before = { language: row.language, kinds: { ...row.kinds } };
        if (input.language) row.language = input.language;
        for (const { kind, email, digest } of input.kinds ?? []) row.kinds = { ...row.kinds, [kind]: { email, digest } };
        await manager.save(row);
        await this.audit.record(manager, actor, {
          action: 'notification_preferences.update',
          entityType: 'User',
          entityId: actor.userId,
          detail: { before, after: { language: row.language, kinds: row.kinds } },
        });
        return effective(row);
      });
    // The first save of one user's preferences from two tabs at once finds no row in either
    // transaction; the later insert meets the other's row by its key, and saves again over it.
    try {
      return await save();
    } catch (error) {
      if (isUniqueViolation(error)) return save();
      throw error;
    }
  }
}
