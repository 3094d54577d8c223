import {
  cycleAfter,
  cycleOfDate,
  cycleOfYear,
  cyclesBetween,
  defaultValidUntil,
  latestValidUntil,
  MeetingKind,
  validUntilProblem,
} from './reporting-cycles';

describe('reporting cycles', () => {
  it('keeps the meetings held so far, BMS7 in 2021 after its postponement included', () => {
    expect(cyclesBetween(2016, 2026).map((cycle) => [cycle.code, cycle.year])).toEqual([
      ['BMS6', 2016],
      ['RevCon3', 2018],
      ['BMS7', 2021],
      ['BMS8', 2022],
      ['RevCon4', 2024],
      ['BMS9', 2026],
    ]);
    expect(cycleOfYear(2006)).toMatchObject({ code: 'RevCon1', kind: MeetingKind.REVIEW_CONFERENCE, number: 1 });
  });

  it('continues with a meeting every even year, a Review Conference every sixth year from 2024', () => {
    expect(cyclesBetween(2027, 2036).map((cycle) => cycle.code)).toEqual(['BMS10', 'RevCon5', 'BMS11', 'BMS12', 'RevCon6']);
    expect(cycleOfYear(2036).year).toBe(2036);
  });

  it('gives each cycle its reporting deadline and the years from the previous meeting to its own', () => {
    expect(cycleOfYear(2024)).toMatchObject({ reportingDeadline: '2024-03-31', startsOn: '2023-01-01', endsOn: '2024-12-31' });
    expect(cycleOfYear(2022)).toMatchObject({ startsOn: '2022-01-01', endsOn: '2022-12-31' });
    expect(cycleOfYear(2003).startsOn).toBe('2001-01-01');
  });

  it('puts a year in the cycle of the first meeting in that year or later', () => {
    expect(cycleOfYear(2023).code).toBe('RevCon4');
    expect(cycleOfYear(2025).code).toBe('BMS9');
    expect(cycleOfYear(2020).code).toBe('BMS7');
    expect(cycleOfYear(1999).code).toBe('BMS1');
    expect(cycleOfDate(new Date('2026-12-31T23:30:00-02:00')).code).toBe('BMS10');
  });

  it('follows one cycle with the next', () => {
    expect(cycleAfter(cycleOfYear(2022)).code).toBe('RevCon4');
    expect(cycleAfter(cycleOfYear(2026)).code).toBe('BMS10');
  });

  it('keeps a need valid to the end of the cycle after the one it was filed or reconfirmed in', () => {
    expect(defaultValidUntil(new Date('2026-12-05T10:00:00Z'))).toBe('2028-12-31');
    expect(defaultValidUntil(new Date('2027-01-01T00:00:00Z'))).toBe('2030-12-31');
    expect(defaultValidUntil(new Date('2023-06-01T00:00:00Z'))).toBe('2026-12-31');
  });

  it('lets a state choose a day after today up to the end of the cycle after next', () => {
    const at = new Date('2026-12-05T10:00:00Z');
    expect(latestValidUntil(at)).toBe('2030-12-31');
    expect(validUntilProblem('2026-12-06', at)).toBeNull();
    expect(validUntilProblem('2030-12-31', at)).toBeNull();
    for (const refused of ['2026-12-05', '2025-01-01', '2031-01-01', 'soon', null]) {
      expect(validUntilProblem(refused, at)).toContain('2030-12-31');
    }
  });
});
