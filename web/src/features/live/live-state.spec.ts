import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_LIVE_STATE, liveStep, RefreshPacer, retryDelay, type LiveInput, type LiveState } from './live-state';

const run = (state: LiveState, ...inputs: LiveInput['type'][]) => inputs.reduce((current, type) => liveStep(current, { type }), state);
const live = run(INITIAL_LIVE_STATE, 'connected');

describe('the live subscription', () => {
  it('goes live on the first acknowledged socket without reloading or telling the reader', () => {
    expect(live).toMatchObject({ status: 'live', reloads: 0, notice: null, generation: 0 });
  });

  it('after a lost socket: interrupted, then reconnecting after the backoff, then live with every list reloaded', () => {
    const closed = run(live, 'closed');
    expect(closed).toMatchObject({ status: 'interrupted', notice: 'interrupted', subscribed: true });

    const ended = run(closed, 'ended');
    expect(ended).toMatchObject({ status: 'interrupted', notice: 'interrupted', subscribed: false, retryInMs: 1_000 });

    const retrying = run(ended, 'retry');
    expect(retrying).toMatchObject({ status: 'reconnecting', subscribed: true, generation: 1, notice: 'interrupted', reloads: 0 });

    const back = run(retrying, 'connected');
    expect(back).toMatchObject({ status: 'live', notice: 'restored', reloads: 1 });
    expect(run(back, 'dismiss').notice).toBeNull();
  });

  it('after EVENTS_DROPPED on an open socket: subscribes again on it and is live at once, with the lists reloaded', () => {
    const dropped = run(live, 'ended');
    expect(dropped).toMatchObject({ status: 'interrupted', notice: 'interrupted', socketOpen: true, retryInMs: 1_000 });
    expect(run(dropped, 'retry')).toMatchObject({ status: 'live', generation: 1, reloads: 1, notice: 'restored' });
  });

  it('backs off longer after each failed attempt, up to 30 seconds, and starts again once events flow', () => {
    let state = run(live, 'closed', 'ended');
    const delays = [state.retryInMs];
    for (let attempt = 0; attempt < 6; attempt++) {
      state = run(state, 'retry', 'closed', 'ended');
      delays.push(state.retryInMs);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(state.generation).toBe(6);
    expect(state.reloads).toBe(0);

    state = run(state, 'retry', 'connected');
    expect(state).toMatchObject({ status: 'live', reloads: 1 });
    expect(run(state, 'event', 'ended').retryInMs).toBe(retryDelay(1));
  });

  it('ignores a retry while subscribed and an end already counted', () => {
    expect(run(live, 'retry')).toEqual(live);
    const dropped = run(live, 'ended');
    expect(run(dropped, 'ended')).toEqual(dropped);
  });

  it('takes a late socket acknowledgement while interrupted and unsubscribed as no return to live', () => {
    const state = run(live, 'closed', 'ended', 'connected');
    expect(state).toMatchObject({ status: 'interrupted', subscribed: false, socketOpen: true });
  });

  it('treats an event on a subscription not yet known to be live as proof that it is', () => {
    const retrying = run(live, 'closed', 'ended', 'retry');
    expect(run(retrying, 'event')).toMatchObject({ status: 'live', reloads: 1, notice: 'restored' });
    expect(run(INITIAL_LIVE_STATE, 'event')).toMatchObject({ status: 'live', reloads: 0, notice: null });
  });
});

describe('a page’s reloads', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reloads at once for a lone event', () => {
    const reload = vi.fn();
    new RefreshPacer(reload).poke();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('coalesces a burst of thousands of events into one reload per 300 ms, the last after the burst ends', () => {
    const reload = vi.fn();
    const pacer = new RefreshPacer(reload);
    // 3,000 events over one second.
    for (let event = 0; event < 3_000; event++) {
      pacer.poke();
      if (event % 3 === 2) vi.advanceTimersByTime(1);
    }
    expect(reload.mock.calls.length).toBeLessThanOrEqual(5);
    const during = reload.mock.calls.length;
    vi.advanceTimersByTime(300);
    expect(reload).toHaveBeenCalledTimes(during + 1);
    vi.advanceTimersByTime(10_000);
    expect(reload).toHaveBeenCalledTimes(during + 1);
  });

  it('reloads now when asked to, replacing a reload that was waiting', () => {
    const reload = vi.fn();
    const pacer = new RefreshPacer(reload);
    pacer.poke();
    pacer.poke();
    pacer.flush();
    expect(reload).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1_000);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
