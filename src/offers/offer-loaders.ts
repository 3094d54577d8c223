import { loaderToken } from '../common/graphql/request-loaders';
import { Offer } from './entities/offer.entity';

/** Per-request DataLoaders this feature serves (registered by OffersModule). */
/** The offer's own row, without its themes and eligibility: what a match's `offer` shows is nearly always its title. */
export const OFFER_BY_ID = loaderToken<string, Offer>('offerById');
/** The offer with its themes and eligibility, for the fields of an offer that came without them. */
export const OFFER_WITH_LINKS = loaderToken<string, Offer>('offerWithLinks');
