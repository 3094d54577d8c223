import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Actor } from '../../access/actor';
import { MatchStatus } from '../../domain/statuses';
import { MatchExposure, mayDoToMatch } from '../match-policy';

export enum MatchEventKind {
  PROPOSED = 'PROPOSED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}
registerEnumType(MatchEventKind, {
  name: 'MatchEventKind',
  description: 'PROPOSED: the engine proposed a new pairing; STATUS_CHANGED: a decision or the platform moved a pairing.',
});

/**
 * What travels between processes (through Redis when it is configured): plain JSON, with the owners
 * of both sides so each subscriber can be filtered without a database read.
 */
export interface MatchEventMessage {
  kind: MatchEventKind;
  matchId: string;
  needId: string;
  offerId: string;
  status: MatchStatus;
  previousStatus: MatchStatus | null;
  version: number;
  allocatedUsd: number | null;
  /** The donor organisation that owns the offer. */
  offerDonorId: string;
  /** The state that owns the need. */
  needCountryIso3: string;
  /** How the need shows: a donor hears only of pairs whose need it may see. */
  needExposure: MatchExposure;
  /** ISO 8601 instant. */
  at: string;
}

@ObjectType({ description: 'A new proposal or a change of status of a pairing you may see.' })
export class MatchEvent {
  @Field(() => MatchEventKind, { description: 'What happened.' })
  kind: MatchEventKind;

  @Field(() => ID, { description: 'The pairing concerned.' })
  matchId: string;

  @Field(() => ID, { description: 'Its need.' })
  needId: string;

  @Field(() => ID, { description: 'Its offer.' })
  offerId: string;

  @Field(() => MatchStatus, { description: 'Status after the event.' })
  status: MatchStatus;

  @Field(() => MatchStatus, { nullable: true, description: 'Status before the event; null for a new proposal.' })
  previousStatus: MatchStatus | null;

  @Field(() => Int, { description: 'The pairing’s version after the event.' })
  version: number;

  @Field(() => Int, { nullable: true, description: 'US dollars allocated, once approved.' })
  allocatedUsd: number | null;

  @Field({ description: 'When it happened.' })
  at: Date;
}

export function toMatchEvent(message: MatchEventMessage): MatchEvent {
  const { offerDonorId: _donor, needCountryIso3: _country, needExposure: _exposure, at, ...fields } = message;
  return Object.assign(new MatchEvent(), fields, { at: new Date(at) });
}

/** An actor hears of the pairs it may see (the match policy), read from the message alone. */
export function mayHear(actor: Actor, message: MatchEventMessage): boolean {
  return mayDoToMatch(actor, 'see', message);
}
