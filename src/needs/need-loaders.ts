import { loaderToken } from '../common/graphql/request-loaders';
import { Need } from './entities/need.entity';
import { OtherFunding } from './entities/other-funding.entity';

/** Per-request DataLoaders this feature serves (registered by NeedsModule). */
export const NEED_BY_ID = loaderToken<string, Need>('needById');
export const OTHER_FUNDING_OF_NEED = loaderToken<string, OtherFunding[]>('otherFundingOfNeed');
