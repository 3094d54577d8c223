import { loaderToken } from '../../common/graphql/request-loaders';
import { Match } from '../entities/match.entity';
import { MatchReasons } from './dto/match-reasons.type';

/** Per-request DataLoaders this feature serves (registered by MatchingModule). */
export const MATCH_BY_ID = loaderToken<string, Match>('matchById');
/** Keyed by `needMatchesKey`: a need's matches, as one donor (or every offer) sees them. */
export const MATCHES_OF_NEED = loaderToken<string, Match[]>('matchesOfNeed');
/** Keyed by `pairKey`: why the pair fits, null when the offer no longer reaches the need's country. */
export const MATCH_REASONS = loaderToken<string, MatchReasons | null>('matchReasons');

export function pairKey(match: Pick<Match, 'needId' | 'offerId'>): string {
  return `${match.needId}|${match.offerId}`;
}
