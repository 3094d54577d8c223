import { EventEmitter } from 'node:events';
import { closeWhenTokenExpires } from './subscription-auth';

class FakeSocket extends EventEmitter {
  closedWith: { code: number; reason: string } | null = null;
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
    this.emit('close');
  }
}

const DAY_MS = 24 * 3600 * 1000;

describe('closeWhenTokenExpires', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-23T08:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('closes the socket when the token expires, not before', () => {
    const socket = new FakeSocket();
    closeWhenTokenExpires(socket, new Date(Date.now() + 60_000));
    jest.advanceTimersByTime(59_999);
    expect(socket.closedWith).toBeNull();
    jest.advanceTimersByTime(1);
    expect(socket.closedWith).toEqual({ code: 4403, reason: expect.stringMatching(/expired/) });
  });

  it('waits out a lifetime longer than one timer can (30 days)', () => {
    const socket = new FakeSocket();
    closeWhenTokenExpires(socket, new Date(Date.now() + 30 * DAY_MS));
    jest.advanceTimersByTime(29 * DAY_MS);
    expect(socket.closedWith).toBeNull();
    jest.advanceTimersByTime(DAY_MS);
    expect(socket.closedWith?.code).toBe(4403);
  });

  it('forgets the token of a socket that closed first', () => {
    const socket = new FakeSocket();
    closeWhenTokenExpires(socket, new Date(Date.now() + 60_000));
    socket.emit('close');
    expect(jest.getTimerCount()).toBe(0);
  });
});
