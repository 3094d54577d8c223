import { describe, expect, it } from 'vitest';
import { withOpenMatch } from './queue-filters';

const a = { id: 'a', status: 'PROPOSED' };
const b = { id: 'b', status: 'PROPOSED' };
const c = { id: 'c', status: 'PROPOSED' };

describe('the match whose decision panel is open', () => {
  it('is the list’s own copy while the list holds it', () => {
    const fresh = { id: 'b', status: 'PROPOSED' };
    expect(withOpenMatch([a, fresh, c], { match: b, index: 1 })).toEqual({ rows: [a, fresh, c], left: false });
  });

  it('stays where it was last seen once the list no longer holds it', () => {
    const approved = { id: 'b', status: 'APPROVED' };
    expect(withOpenMatch([a, c], { match: approved, index: 1 })).toEqual({ rows: [a, approved, c], left: true });
  });

  it('goes last when the list grew shorter than its place, and alone in an empty list', () => {
    expect(withOpenMatch([a], { match: c, index: 5 })).toEqual({ rows: [a, c], left: true });
    expect(withOpenMatch([], { match: c, index: 0 })).toEqual({ rows: [c], left: true });
  });

  it('changes nothing when no panel is open', () => {
    expect(withOpenMatch([a, b], null)).toEqual({ rows: [a, b], left: false });
  });
});
