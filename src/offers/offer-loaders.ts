import { loaderToken } from '../common/graphql/request-loaders';
import { Offer } from './entities/offer.entity';

/** Per-request DataLoaders this feature serves (registered by OffersModule). */
export const OFFER_BY_ID = loaderToken<string, Offer>('offerById');
