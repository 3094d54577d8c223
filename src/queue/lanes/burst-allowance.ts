/** Past this many keys, the allowances back at their full burst are forgotten (they would start full anyway). */
const KEYS_KEPT = 10_000;

interface Allowance {
  left: number;
  at: number;
}

/**
 * How much each key (an account) may still do at once: a burst, given back at a steady rate (a token
 * bucket). A key not seen before, or not seen for long enough, has its whole burst.
 */
export class BurstAllowance {
  private readonly allowances = new Map<string, Allowance>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one from `key`'s allowance: true if there was one to take. */
  take(key: string): boolean {
    const at = this.now();
    const left = this.leftAt(this.allowances.get(key), at);
    const taken = left >= 1;
    this.allowances.set(key, { left: taken ? left - 1 : left, at });
    if (this.allowances.size > KEYS_KEPT) this.forgetFull(at);
    return taken;
  }

  private leftAt(allowance: Allowance | undefined, at: number): number {
    if (!allowance) return this.burst;
    return Math.min(this.burst, allowance.left + (Math.max(0, at - allowance.at) / 1000) * this.perSecond);
  }

  private forgetFull(at: number): void {
    for (const [key, allowance] of this.allowances) if (this.leftAt(allowance, at) >= this.burst) this.allowances.delete(key);
  }
}
