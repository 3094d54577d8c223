/**
 * Keeps the best `capacity` items seen, in typed arrays reused from one need to the next so the hot
 * loop allocates nothing. "Better" = higher score, then lower rank (ranks break ties the same way on
 * every run). The root of the heap is the worst item kept, so most candidates are refused in O(1).
 */
export class TopKHeap {
  private readonly scores: Float64Array;
  private readonly ranks: Int32Array;
  private readonly items: Int32Array;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`A top-K heap needs a capacity ≥ 1, got ${capacity}.`);
    this.scores = new Float64Array(capacity);
    this.ranks = new Int32Array(capacity);
    this.items = new Int32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  /**
   * The least score a new item needs to have a chance: -Infinity while there is room, else the worst
   * kept score (an equal score still enters with a lower rank). Lets callers skip most pushes.
   */
  get entryScore(): number {
    return this.size < this.capacity ? -Infinity : this.scores[0];
  }

  clear(): void {
    this.size = 0;
  }

  push(score: number, rank: number, item: number): void {
    if (this.size < this.capacity) {
      this.place(this.size, score, rank, item);
      this.siftUp(this.size++);
    } else if (score > this.scores[0] || (score === this.scores[0] && rank < this.ranks[0])) {
      this.place(0, score, rank, item);
      this.siftDown(0);
    }
  }

  /** The items kept, best first; the heap is empty afterwards. */
  drainBestFirst(): number[] {
    const best = new Array<number>(this.size);
    for (let slot = this.size - 1; slot >= 0; slot--) {
      best[slot] = this.items[0];
      this.size--;
      if (this.size > 0) {
        this.place(0, this.scores[this.size], this.ranks[this.size], this.items[this.size]);
        this.siftDown(0);
      }
    }
    return best;
  }

  private place(slot: number, score: number, rank: number, item: number): void {
    this.scores[slot] = score;
    this.ranks[slot] = rank;
    this.items[slot] = item;
  }

  /** Whether the entry in slot a ranks below the one in slot b. */
  private isWorse(a: number, b: number): boolean {
    return this.scores[a] < this.scores[b] || (this.scores[a] === this.scores[b] && this.ranks[a] > this.ranks[b]);
  }

  private siftUp(slot: number): void {
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      if (!this.isWorse(slot, parent)) return;
      this.swap(slot, parent);
      slot = parent;
    }
  }

  private siftDown(slot: number): void {
    for (;;) {
      const left = 2 * slot + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const worstChild = right < this.size && this.isWorse(right, left) ? right : left;
      if (!this.isWorse(worstChild, slot)) return;
      this.swap(slot, worstChild);
      slot = worstChild;
    }
  }

  private swap(a: number, b: number): void {
    const score = this.scores[a];
    const rank = this.ranks[a];
    const item = this.items[a];
    this.place(a, this.scores[b], this.ranks[b], this.items[b]);
    this.place(b, score, rank, item);
  }
}
