import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../accounts/entities/user.entity';
import { UnauthenticatedError } from '../common/errors/domain-errors';
import type { Actor } from '../access/actor';
import { hashPassword, verifyPassword } from '../accounts/password-hasher';

interface TokenClaims {
  sub: string;
  /** Expiry, in seconds since the epoch. */
  exp?: number;
}

/** Who a token speaks for, and until when. */
export interface TokenSession {
  actor: Actor;
  expiresAt: Date | null;
}

/** Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password. */
const DECOY_HASH = hashPassword('decoy password that never matches');

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; user: User }> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    const valid = await verifyPassword(user?.passwordHash ?? (await DECOY_HASH), password);
    if (!user || !valid) {
      throw new UnauthenticatedError('Wrong e-mail or password.');
    }
    const claims: TokenClaims = { sub: user.id };
    return { accessToken: await this.jwt.signAsync(claims), user };
  }

  /** Checks the token and reads the user afresh, so a deleted account or changed role takes effect at once. */
  async actorFromToken(token: string): Promise<Actor> {
    return (await this.sessionFromToken(token)).actor;
  }

  /** As `actorFromToken`, with the token's expiry, for connections that outlive a request. */
  async sessionFromToken(token: string): Promise<TokenSession> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthenticatedError('The access token is invalid or has expired; log in again.');
    }
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user) throw new UnauthenticatedError('The account behind this token no longer exists.');
    return { actor: actorOf(user), expiresAt: claims.exp === undefined ? null : new Date(claims.exp * 1000) };
  }
}

export function actorOf(user: User): Actor {
  return { userId: user.id, email: user.email, role: user.role, countryIso3: user.countryIso3, donorId: user.donorId };
}
