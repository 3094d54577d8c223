import { loaderToken } from '../common/graphql/request-loaders';
import { Need } from './entities/need.entity';
import { OtherFunding } from './entities/other-funding.entity';

/** Per-request DataLoaders this feature serves (registered by NeedsModule). */
/** The need's own row, without its theme links: what a match's `need` shows is nearly always its title and country. */
export const NEED_BY_ID = loaderToken<string, Need>('needById');
/** The need with its theme links, for `themes` of a need that came without them. */
export const NEED_WITH_THEMES = loaderToken<string, Need>('needWithThemes');
export const OTHER_FUNDING_OF_NEED = loaderToken<string, OtherFunding[]>('otherFundingOfNeed');
