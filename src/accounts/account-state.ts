import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../access/actor';
import { BroadcastBus } from '../common/broadcast/broadcast-bus';
import { AppConfig } from '../config/app-config';
import { PasswordStatus, User } from './entities/user.entity';

/** What every request needs to know of its account: who acts, and whether its token still counts. */
export interface AccountState {
  actor: Actor;
  active: boolean;
  tokenVersion: number;
  passwordChangeRequired: boolean;
}

/** An account whose access changed (deactivated, reactivated, password changed or reset). */
export interface AccountChange {
  userId: string;
}

/**
 * How long a process trusts the account state it read. Changes made through the service reach every
 * API process at once (AccountChangeBus); this bounds how long a change is missed when its message is
 * lost (Redis away) or made straight in the database.
 */
export const ACCOUNT_STATE_TTL_MS = 10_000;
/** Accounts remembered per process; beyond it the longest-held are forgotten first. */
const MAX_CACHED_ACCOUNTS = 10_000;

/** Tells every API process, through Redis when it is configured, that an account's access changed. */
@Injectable()
export class AccountChangeBus extends BroadcastBus<AccountChange> implements OnModuleDestroy {
  constructor(config: AppConfig) {
    super(config, {
      channel: 'account-changes',
      maxPending: 10_000,
      droppedError: () => new Error('Too many account changes were waiting; every cached account state is read again.'),
    });
  }
}

/** The user as the services' authorisation rules know a caller. */
export function actorOf(user: Pick<User, 'id' | 'email' | 'role' | 'countryIso3' | 'donorId'>): Actor {
  return { userId: user.id, email: user.email, role: user.role, countryIso3: user.countryIso3, donorId: user.donorId };
}

export function accountStateOf(user: User): AccountState {
  return {
    actor: actorOf(user),
    active: user.active,
    tokenVersion: user.tokenVersion,
    passwordChangeRequired: user.passwordStatus !== PasswordStatus.CHOSEN,
  };
}

/**
 * Account state by user id, read on every request and subscription message, so it is kept in memory
 * for ACCOUNT_STATE_TTL_MS instead of read from the database each time. A change made through the
 * service forgets the account here at once (before the change is answered) and in every other process
 * when AccountChangeBus delivers it, after which `onChange` listeners (open subscription sockets) hear of it.
 */
@Injectable()
export class AccountStateCache implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, { state: AccountState | null; readAt: number }>();
  /** Raised by every forgetting: a read that started before it may have seen the old state, and is not kept. */
  private generation = 0;
  private readonly listeners = new Set<(userId: string) => void>();
  private changes: AsyncIterableIterator<AccountChange> | null = null;
  private stopped = false;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly bus: AccountChangeBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.ready();
    void this.follow();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    void this.changes?.return?.();
  }

  /** The account's state, or null when no such account exists. */
  async get(userId: string): Promise<AccountState | null> {
    const cached = this.entries.get(userId);
    if (cached && Date.now() - cached.readAt < ACCOUNT_STATE_TTL_MS) return cached.state;
    const generation = this.generation;
    const user = await this.users.findOne({ where: { id: userId } });
    const state = user ? accountStateOf(user) : null;
    if (generation === this.generation) {
      this.entries.delete(userId);
      if (this.entries.size >= MAX_CACHED_ACCOUNTS) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(userId, { state, readAt: Date.now() });
    }
    return state;
  }

  /** Called after the change is committed: forgotten here at once, then in every process. */
  async changed(userId: string): Promise<void> {
    this.forget(userId);
    await this.bus.publish({ userId });
  }

  /** `listener` hears of every changed account, from any process, once its state here is forgotten. */
  onChange(listener: (userId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private forget(userId: string | null): void {
    this.generation++;
    if (userId === null) this.entries.clear();
    else this.entries.delete(userId);
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      this.changes = this.bus.listen(() => true);
      try {
        for await (const { userId } of this.changes) {
          this.forget(userId);
          for (const listener of this.listeners) listener(userId);
        }
      } catch {
        // Fell behind and was cut off: whatever was missed, nothing cached is trusted any more.
        this.forget(null);
      }
    }
  }
}
