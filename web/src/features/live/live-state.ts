/**
 * The life of the one `matchEvents` subscription a signed-in console holds, as a pure machine: the
 * provider feeds it what the socket and the subscription report and acts on what it answers.
 *
 * - connecting: the first subscription of the session is on its way; nothing to tell the reader.
 * - live: subscribed over an acknowledged socket; events arrive.
 * - interrupted: the subscription ended (EVENTS_DROPPED, a lost socket) or its socket closed; the
 *   reader is told, and a new subscription is due after `retryInMs`.
 * - reconnecting: subscribed again, waiting for the socket to be acknowledged.
 *
 * Events missed while not live are never replayed by the API, so every return to live after an
 * interruption bumps `reloads`: each live page loads its lists again.
 */
export type LiveStatus = 'connecting' | 'live' | 'interrupted' | 'reconnecting';

/** What the reader is shown above the page. */
export type LiveNotice = 'interrupted' | 'restored';

export interface LiveState {
  status: LiveStatus;
  /** A subscription is held (started and not ended). */
  subscribed: boolean;
  /** The socket is acknowledged by the API and not closed since. */
  socketOpen: boolean;
  /** Interruptions since an event last arrived: the backoff grows with them, so a subscription the API keeps refusing is not retried in a loop. */
  failures: number;
  /** Changes each time a new subscription must be started. */
  generation: number;
  /** Changes each time every live page must load its lists again. */
  reloads: number;
  /** Delay before the next subscription, while interrupted and not subscribed. */
  retryInMs: number | null;
  notice: LiveNotice | null;
}

export type LiveInput =
  /** The socket was acknowledged (connection_ack). */
  | { type: 'connected' }
  /** The socket closed, for whatever reason. */
  | { type: 'closed' }
  /** The subscription ended with an error (EVENTS_DROPPED, a lost socket). */
  | { type: 'ended' }
  /** The backoff after an interruption elapsed, or the browser is back online. */
  | { type: 'retry' }
  /** An event arrived. */
  | { type: 'event' }
  /** The reader has had time to read that live updates are back. */
  | { type: 'dismiss' };

export const INITIAL_LIVE_STATE: LiveState = {
  status: 'connecting',
  subscribed: true,
  socketOpen: false,
  failures: 0,
  generation: 0,
  reloads: 0,
  retryInMs: null,
  notice: null,
};

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/** 1 s, 2 s, 4 s … up to 30 s: quick after a blip, gentle on an API that is down for a while. */
export function retryDelay(failures: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/** Back to live: after an interruption the lists are reloaded and the reader told so. */
function backLive(state: LiveState): LiveState {
  if (state.status === 'connecting') return { ...state, status: 'live' };
  return { ...state, status: 'live', reloads: state.reloads + 1, notice: 'restored', retryInMs: null };
}

function interrupted(state: LiveState): LiveState {
  return { ...state, status: 'interrupted', notice: 'interrupted' };
}

export function liveStep(state: LiveState, input: LiveInput): LiveState {
  switch (input.type) {
    case 'connected': {
      const next = { ...state, socketOpen: true };
      return next.subscribed && next.status !== 'live' ? backLive(next) : next;
    }
    case 'closed': {
      const next = { ...state, socketOpen: false };
      return state.status === 'live' ? interrupted(next) : next;
    }
    case 'ended': {
      if (!state.subscribed) return state;
      const failures = state.failures + 1;
      return interrupted({ ...state, subscribed: false, failures, retryInMs: retryDelay(failures) });
    }
    case 'retry': {
      if (state.subscribed) return state;
      const next: LiveState = { ...state, subscribed: true, generation: state.generation + 1, retryInMs: null };
      // After EVENTS_DROPPED the socket stays open: the new subscription goes out on it at once.
      return next.socketOpen ? backLive(next) : { ...next, status: 'reconnecting' };
    }
    case 'event': {
      const next = state.failures ? { ...state, failures: 0 } : state;
      // Only a held subscription delivers events, so one arriving proves the subscription works.
      return next.status === 'live' || !next.subscribed ? next : backLive({ ...next, socketOpen: true });
    }
    case 'dismiss':
      return state.notice === 'restored' ? { ...state, notice: null } : state;
  }
}

export interface Clock {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** The shortest time between two reloads of one page's lists. */
export const REFRESH_WINDOW_MS = 300;

/**
 * Coalesces a page's reloads: the first event after a quiet spell reloads at once (a single new match
 * shows without delay), and any burst after it (a full run proposes thousands of pairs) reloads at most
 * once per window, always once more after the burst's last event so nothing is left unshown.
 */
export class RefreshPacer {
  private lastRun = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;

  constructor(
    private readonly run: () => void,
    private readonly windowMs = REFRESH_WINDOW_MS,
    private readonly clock: Clock = systemClock,
  ) {}

  /** An event this page cares about arrived. */
  poke(): void {
    if (this.timer !== null) return;
    const wait = this.lastRun + this.windowMs - this.clock.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  /** Reloads now, replacing any reload that was waiting. */
  flush(): void {
    this.cancel();
    this.lastRun = this.clock.now();
    this.run();
  }

  cancel(): void {
    if (this.timer === null) return;
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
