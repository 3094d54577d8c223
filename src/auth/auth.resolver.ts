import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AppConfig } from '../config/app-config';
import { Public } from '../access/access.decorators';
import { AuthService } from './auth.service';
import { LoginResult } from './dto/login-result';
import { GqlThrottlerGuard } from './gql-throttler.guard';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => LoginResult, { description: 'Exchanges e-mail and password for a bearer token. Rate-limited per client address.' })
  async login(@Args('email') email: string, @Args('password') password: string): Promise<LoginResult> {
    const { accessToken, user } = await this.auth.login(email, password);
    return { accessToken, user, expiresIn: this.config.JWT_TTL_SECONDS };
  }
}
