import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/I18nProvider';
import {
  EMPTY_OTHER_FUNDING,
  fundedElsewhereLine,
  otherFundingInput,
  otherFundingProblems,
  takesOtherFunding,
  type OtherFundingForm,
} from './other-funding-rules';

// The message id alone, so a test can tell which rule spoke.
const t: Translate = (id) => id;

const FORM: OtherFundingForm = { funderName: ' Norway ', amountUsd: '40,000', fundedOn: '2026-03-15', note: ' NOR-2026-7 ' };
const problemsOf = (change: Partial<OtherFundingForm>, gapUsd = 100_000) =>
  otherFundingProblems({ ...FORM, ...change }, gapUsd, 'en', t).map((problem) => `${problem.field}:${problem.message}`);

describe('the refusals of recordOtherFunding, before sending', () => {
  it('accepts a named funder, a whole amount within the gap in the reader’s way of writing numbers, and a real date', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ amountUsd: '100000' })).toEqual([]);
    expect(otherFundingProblems({ ...FORM, amountUsd: '٤٠٠٠٠' }, 100_000, 'ar', t)).toEqual([]);
  });

  it('names each field the API would refuse', () => {
    expect(otherFundingProblems(EMPTY_OTHER_FUNDING, 100_000, 'en', t).map((problem) => problem.field)).toEqual([
      'input.funderName',
      'input.amountUsd',
      'input.fundedOn',
    ]);
    expect(problemsOf({ funderName: 'x'.repeat(201) })).toEqual(['input.funderName:other-funding.rule.funderTooLong']);
    expect(problemsOf({ amountUsd: '12.5' })).toEqual(['input.amountUsd:common.rule.wholeNumber']);
    expect(problemsOf({ amountUsd: '0' })).toEqual(['input.amountUsd:other-funding.rule.amountPositive']);
    expect(problemsOf({ amountUsd: '100001' })).toEqual(['input.amountUsd:other-funding.rule.amountOverGap']);
    expect(problemsOf({ fundedOn: '2026-02-30' })).toEqual(['input.fundedOn:common.rule.date']);
    expect(problemsOf({ note: 'x'.repeat(2001) })).toEqual(['input.note:other-funding.rule.noteTooLong']);
  });
});

describe('the input sent', () => {
  it('is trimmed, with the amount as a number and an empty note as none', () => {
    expect(otherFundingInput('need-1', FORM, 'en')).toEqual({
      needId: 'need-1',
      funderName: 'Norway',
      amountUsd: 40_000,
      fundedOn: '2026-03-15',
      note: 'NOR-2026-7',
    });
    expect(otherFundingInput('need-1', { ...FORM, note: '  ' }, 'en').note).toBeNull();
  });
});

describe('which needs take funding from elsewhere', () => {
  it('is those still seeking money, as the API', () => {
    expect(takesOtherFunding('OPEN')).toBe(true);
    expect(takesOtherFunding('PARTLY_FUNDED')).toBe(true);
    expect(takesOtherFunding('FUNDED')).toBe(false);
    expect(takesOtherFunding('DRAFT')).toBe(false);
  });
});

describe('a list’s line on money from elsewhere', () => {
  it('is there only when some came from elsewhere', () => {
    expect(fundedElsewhereLine({ fundedElsewhereUsd: 0, fundingGapUsd: 5 }, 'en', t)).toBeNull();
    expect(fundedElsewhereLine({ fundedElsewhereUsd: 40_000, fundingGapUsd: 60_000 }, 'en', t)).toBe('other-funding.line');
  });
});
