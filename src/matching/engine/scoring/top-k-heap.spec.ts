import { TopKHeap } from './top-k-heap';

describe('TopKHeap', () => {
  it('keeps the best k items, best first', () => {
    const heap = new TopKHeap(3);
    [0.2, 0.9, 0.1, 0.5, 0.7, 0.3].forEach((score, item) => heap.push(score, item, item));
    expect(heap.drainBestFirst()).toEqual([1, 4, 3]);
    expect(heap.length).toBe(0);
  });

  it('breaks ties by the lower rank, whatever the arrival order', () => {
    const heap = new TopKHeap(2);
    heap.push(0.5, 9, 90);
    heap.push(0.5, 3, 30);
    heap.push(0.5, 7, 70);
    heap.push(0.4, 0, 0);
    expect(heap.drainBestFirst()).toEqual([30, 70]);
  });

  it('returns fewer items than its capacity when fewer arrive, and can be reused', () => {
    const heap = new TopKHeap(5);
    heap.push(0.1, 0, 0);
    heap.push(0.3, 1, 1);
    expect(heap.drainBestFirst()).toEqual([1, 0]);
    heap.push(0.2, 2, 2);
    heap.clear();
    expect(heap.drainBestFirst()).toEqual([]);
  });

  it('agrees with sorting everything on random input', () => {
    const heap = new TopKHeap(7);
    const scores = Array.from({ length: 500 }, (_, item) => Math.round(Math.abs(Math.sin(item * 12.9898)) * 50) / 50);
    scores.forEach((score, item) => heap.push(score, item, item));
    const sorted = scores.map((score, item) => ({ score, item })).sort((a, b) => b.score - a.score || a.item - b.item);
    expect(heap.drainBestFirst()).toEqual(sorted.slice(0, 7).map(({ item }) => item));
  });

  it('refuses a capacity below 1', () => {
    expect(() => new TopKHeap(0)).toThrow(RangeError);
    expect(() => new TopKHeap(1.5)).toThrow(RangeError);
  });
});
