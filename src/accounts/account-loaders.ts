import { loaderToken } from '../common/graphql/request-loaders';
import { Donor } from './entities/donor.entity';
import { User } from './entities/user.entity';

/** Per-request DataLoaders this feature serves (registered by AccountsModule). */
export const USER_BY_ID = loaderToken<string, User>('userById');
export const DONOR_BY_ID = loaderToken<string, Donor>('donorById');
