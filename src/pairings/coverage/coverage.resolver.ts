import { Query, Resolver } from '@nestjs/graphql';
import { Role } from '../../accounts/entities/user.entity';
import { Roles } from '../../auth/auth.decorators';
import { Coverage } from './coverage.types';
import { CoverageService } from './coverage.service';

@Resolver(() => Coverage)
export class CoverageResolver {
  constructor(private readonly coverageService: CoverageService) {}

  /** Secretariat only: the figures include needs whose visibility keeps them from donors and other states. */
  @Roles(Role.SECRETARIAT, Role.ADMIN)
  @Query(() => Coverage, {
    description:
      'Open needs, requested, approved and disbursed US dollars by M49 region and by theme (SECRETARIAT and ADMIN; the figures include needs not every user may see).',
  })
  coverage(): Promise<Coverage> {
    return this.coverageService.coverage();
  }
}
