import { totalShownByPage } from './connection';

describe('totalShownByPage', () => {
  it('takes the length of the list from a page that is not full', () => {
    expect(totalShownByPage(7, 0, 20)).toBe(7);
    expect(totalShownByPage(20, 0, 20)).toBe(20);
    expect(totalShownByPage(3, 40, 20)).toBe(43);
    expect(totalShownByPage(0, 0, 20)).toBe(0);
  });

  it('leaves the count to the database when rows follow the page or the page lies past the end', () => {
    expect(totalShownByPage(21, 0, 20)).toBeNull();
    expect(totalShownByPage(0, 40, 20)).toBeNull();
  });
});
