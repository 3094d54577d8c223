import { describe, expect, it } from 'vitest';
import { tabAfterKey } from './tab-keys';

describe('tabAfterKey', () => {
  it('moves to the neighbour with the arrows and wraps around at both ends', () => {
    expect(tabAfterKey('ArrowRight', 0, 6, 'ltr')).toBe(1);
    expect(tabAfterKey('ArrowRight', 5, 6, 'ltr')).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 6, 'ltr')).toBe(5);
    expect(tabAfterKey('ArrowLeft', 3, 6, 'ltr')).toBe(2);
  });

  it('mirrors the arrows right to left', () => {
    expect(tabAfterKey('ArrowLeft', 0, 6, 'rtl')).toBe(1);
    expect(tabAfterKey('ArrowRight', 0, 6, 'rtl')).toBe(5);
  });

  it('goes to the first and the last with Home and End, whatever the direction', () => {
    expect(tabAfterKey('Home', 4, 6, 'rtl')).toBe(0);
    expect(tabAfterKey('End', 1, 6, 'ltr')).toBe(5);
  });

  it('leaves every other key alone', () => {
    expect(tabAfterKey('ArrowDown', 2, 6, 'ltr')).toBeNull();
    expect(tabAfterKey('Enter', 2, 6, 'ltr')).toBeNull();
  });
});
