/**
 * Which tab a key moves to in a horizontal tablist (WAI-ARIA Authoring Practices, "Tabs"): the
 * arrows move to the neighbour and wrap around, Home and End to the first and last. Right to left
 * the row is mirrored, so the left arrow leads to the next tab. Null for any other key.
 */
export function tabAfterKey(key: string, index: number, count: number, direction: 'ltr' | 'rtl'): number | null {
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return (index + 1) % count;
  if (key === backward) return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
