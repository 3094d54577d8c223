import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AppConfig } from '../config/app-config';
import { AllowedBeforePasswordChange, CurrentActor, Public } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { AccountsService } from '../accounts/accounts.service';
import { ChangePasswordArgs } from '../accounts/dto/account-security.args';
import { AuthService } from './auth.service';
import { LoginResult } from './dto/login-result';
import { GqlThrottlerGuard } from './gql-throttler.guard';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @AllowedBeforePasswordChange()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => LoginResult, { description: 'Exchanges e-mail and password for a bearer token. Rate-limited per client address.' })
  async login(@Args('email') email: string, @Args('password') password: string): Promise<LoginResult> {
    return { ...(await this.auth.login(email, password)), expiresIn: this.config.JWT_TTL_SECONDS };
  }

  /**
   * Counted with the sign-ins, as it too tries a password. A wrong current password is BAD_USER_INPUT on
   * currentPassword, so the client stays signed in to try again.
   */
  @AllowedBeforePasswordChange()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => LoginResult, {
    description:
      "Changes the signed-in user's password (after a reset, the one-time password). Every token issued before is revoked, this one too: use the new token returned. Rate-limited like login.",
  })
  async changePassword(@CurrentActor() actor: Actor, @Args() { currentPassword, newPassword }: ChangePasswordArgs): Promise<LoginResult> {
    const user = await this.accounts.changePassword(actor, currentPassword, newPassword);
    return { accessToken: await this.auth.issueToken(user), user, passwordChangeRequired: false, expiresIn: this.config.JWT_TTL_SECONDS };
  }
}
