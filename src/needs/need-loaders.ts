import { loaderToken } from '../common/graphql/request-loaders';
import { Need } from './entities/need.entity';

/** Per-request DataLoaders this feature serves (registered by NeedsModule). */
export const NEED_BY_ID = loaderToken<string, Need>('needById');
