import { loaderToken } from '../../common/graphql/request-loaders';
import { Match } from '../entities/match.entity';

/** Per-request DataLoaders this feature serves (registered by MatchingModule). */
export const MATCH_BY_ID = loaderToken<string, Match>('matchById');
/** Keyed by `needMatchesKey`: a need's matches, as one donor (or every offer) sees them. */
export const MATCHES_OF_NEED = loaderToken<string, Match[]>('matchesOfNeed');
