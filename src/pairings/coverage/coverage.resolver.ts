import { Args, Query, Resolver } from '@nestjs/graphql';
import { StaffOnly } from '../../access/access.decorators';
import { Coverage, CoverageArgs } from './coverage.types';
import { CoverageService } from './coverage.service';

@Resolver(() => Coverage)
export class CoverageResolver {
  constructor(private readonly coverageService: CoverageService) {}

  /** Secretariat only: the figures include needs whose visibility keeps them from donors and other states. */
  @StaffOnly()
  @Query(() => Coverage, {
    description:
      'Open needs, requested, approved and disbursed US dollars by M49 region and by theme, optionally only for the needs of one year or one M49 area (SECRETARIAT and ADMIN; the figures include needs not every user may see).',
  })
  coverage(@Args() filter: CoverageArgs): Promise<Coverage> {
    return this.coverageService.coverage(filter);
  }
}
