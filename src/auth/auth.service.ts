import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccountState, AccountStateCache } from '../accounts/account-state';
import { AccountsService } from '../accounts/accounts.service';
import { PasswordStatus, User } from '../accounts/entities/user.entity';
import { AccessRefusal, UnauthenticatedError } from '../common/errors/domain-errors';
import type { Actor } from '../access/actor';
import type { RequestWithActor } from '../access/access.decorators';
import { hashPassword, verifyPassword } from '../accounts/password-hasher';
import { bearerToken } from '../common/http/bearer-token';

interface TokenClaims {
  sub: string;
  /** The account's token version when the token was issued; tokens from before this claim count as 0. */
  ver?: number;
  /** Expiry, in seconds since the epoch. */
  exp?: number;
}

/** Who a token speaks for, until when, and whether it may only change the password. */
export interface TokenSession {
  actor: Actor;
  expiresAt: Date | null;
  passwordChangeRequired: boolean;
  /** The account's token version the token carries. */
  tokenVersion: number;
}

/** What a sign-in gives: the token, its account, and whether the password must be changed first. */
export interface SignedIn {
  accessToken: string;
  user: User;
  passwordChangeRequired: boolean;
}

/** Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password. */
const DECOY_HASH = hashPassword('decoy password that never matches');

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly accounts: AccountsService,
    private readonly accountStates: AccountStateCache,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /**
   * A deactivated account, or a used one-time password, is told apart from a wrong password only once
   * the password is right, so the refusal reveals nothing to someone guessing.
   */
  async login(email: string, password: string): Promise<SignedIn> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    const valid = await verifyPassword(user?.passwordHash ?? (await DECOY_HASH), password);
    if (!user || !valid) {
      throw new UnauthenticatedError('Wrong e-mail or password.');
    }
    if (!user.active) {
      throw new UnauthenticatedError('This account has been deactivated; ask an administrator.', AccessRefusal.ACCOUNT_DEACTIVATED);
    }
    const oneTimeUsed = new UnauthenticatedError(
      'This one-time password has already been used; ask an administrator for a new one.',
      AccessRefusal.ONE_TIME_PASSWORD_USED,
    );
    if (user.passwordStatus === PasswordStatus.ONE_TIME_USED) throw oneTimeUsed;
    if (user.passwordStatus === PasswordStatus.ONE_TIME) {
      if (!(await this.accounts.useOneTimePassword(user.id))) throw oneTimeUsed;
      user.passwordStatus = PasswordStatus.ONE_TIME_USED;
    }
    return { accessToken: await this.issueToken(user), user, passwordChangeRequired: user.passwordStatus !== PasswordStatus.CHOSEN };
  }

  /** A token for the account as it is now: it carries the account's token version. */
  issueToken(user: User): Promise<string> {
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    return this.jwt.signAsync(claims);
  }

  /**
   * The request's actor, resolved once per request from its bearer token (null without one) and kept
   * on the request with whether the token may only change the password. Throws for a refused token.
   */
  async actorOfRequest(request: RequestWithActor): Promise<Actor | null> {
    if (request.actor !== undefined) return request.actor;
    const token = bearerToken(request.headers.authorization);
    if (!token) return (request.actor = null);
    const session = await this.sessionFromToken(token);
    request.passwordChangeRequired = session.passwordChangeRequired;
    return (request.actor = session.actor);
  }

  /**
   * Checks the token's signature and expiry, then the account's state (cached, see AccountStateCache):
   * a deactivated account, or a token older than the account's last password change or reset, is refused.
   */
  async sessionFromToken(token: string): Promise<TokenSession> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthenticatedError('The access token is invalid or has expired; log in again.');
    }
    const tokenVersion = claims.ver ?? 0;
    const state = await this.accountStateFor(claims.sub, tokenVersion);
    return {
      actor: state.actor,
      expiresAt: claims.exp === undefined ? null : new Date(claims.exp * 1000),
      passwordChangeRequired: state.passwordChangeRequired,
      tokenVersion,
    };
  }

  /**
   * The account's current state, if a token of `tokenVersion` still speaks for it; throws otherwise.
   * Open sockets check this on each message, their token's signature having been checked once.
   */
  async accountStateFor(userId: string, tokenVersion: number): Promise<AccountState> {
    const state = await this.accountStates.get(userId);
    assertTokenCounts(state, tokenVersion);
    return state;
  }
}

function assertTokenCounts(state: AccountState | null, tokenVersion: number): asserts state is AccountState {
  if (!state) throw new UnauthenticatedError('The account behind this token no longer exists.');
  if (!state.active) {
    throw new UnauthenticatedError('This account has been deactivated; ask an administrator.', AccessRefusal.ACCOUNT_DEACTIVATED);
  }
  if (tokenVersion !== state.tokenVersion) {
    throw new UnauthenticatedError(
      "This token was revoked when the account's password was changed or reset, or the account deactivated; log in again.",
      AccessRefusal.TOKEN_REVOKED,
    );
  }
}
