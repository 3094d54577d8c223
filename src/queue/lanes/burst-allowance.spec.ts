import { BurstAllowance } from './burst-allowance';

describe('BurstAllowance', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('gives each key its whole burst at once, then nothing until time gives some back', () => {
    const allowance = new BurstAllowance(3, 1, clock);
    expect([1, 2, 3, 4, 5].map(() => allowance.take('account-a'))).toEqual([true, true, true, false, false]);
    expect(allowance.take('account-b')).toBe(true);
    now += 999;
    expect(allowance.take('account-a')).toBe(false);
    now += 1;
    expect(allowance.take('account-a')).toBe(true);
    expect(allowance.take('account-a')).toBe(false);
  });

  it('gives back at its rate, never more than the burst', () => {
    const allowance = new BurstAllowance(2, 4, clock);
    expect([1, 2, 3].map(() => allowance.take('a'))).toEqual([true, true, false]);
    now += 250;
    expect([1, 2].map(() => allowance.take('a'))).toEqual([true, false]);
    now += 60_000;
    expect([1, 2, 3].map(() => allowance.take('a'))).toEqual([true, true, false]);
  });

  it('keeps a refused key refused while it keeps asking faster than the rate', () => {
    const allowance = new BurstAllowance(1, 1, clock);
    expect(allowance.take('a')).toBe(true);
    const answers: boolean[] = [];
    for (let step = 0; step < 10; step += 1) {
      now += 500;
      answers.push(allowance.take('a'));
    }
    expect(answers.filter(Boolean)).toHaveLength(5);
  });

  it('forgets keys back at their full burst once it holds many, and still answers for the others', () => {
    const allowance = new BurstAllowance(2, 1, clock);
    allowance.take('busy');
    allowance.take('busy');
    for (let key = 0; key < 10_000; key += 1) allowance.take(`quiet-${key}`);
    now += 5_000;
    allowance.take('one-more');
    expect((allowance as unknown as { allowances: Map<string, unknown> }).allowances.size).toBeLessThan(10);
    expect([1, 2, 3].map(() => allowance.take('busy'))).toEqual([true, true, false]);
  });
});
