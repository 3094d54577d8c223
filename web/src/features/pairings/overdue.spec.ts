import { describe, expect, it } from 'vitest';
import { isOverdue, lastFiledReport, OVERDUE_DAYS } from './overdue';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

describe('isOverdue', () => {
  it('flags a running pairing with neither a change nor a report for more than 180 days', () => {
    expect(OVERDUE_DAYS).toBe(180);
    expect(isOverdue({ status: 'ACTIVE', updatedAt: daysAgo(200), progressReports: [{ createdAt: daysAgo(190) }] }, NOW)).toBe(true);
    expect(isOverdue({ status: 'CONFIRMED', updatedAt: daysAgo(181), progressReports: [] }, NOW)).toBe(true);
  });

  it('leaves a freshly confirmed pairing alone: the confirmation is its last change', () => {
    expect(isOverdue({ status: 'CONFIRMED', updatedAt: daysAgo(30), progressReports: [] }, NOW)).toBe(false);
  });

  it('counts a report by when it was filed, whatever period it covers', () => {
    expect(
      isOverdue(
        { status: 'ACTIVE', updatedAt: daysAgo(400), progressReports: [{ createdAt: daysAgo(300) }, { createdAt: daysAgo(10) }] },
        NOW,
      ),
    ).toBe(false);
  });

  it('is not overdue at exactly the cutoff, as the API compares strictly before it', () => {
    expect(isOverdue({ status: 'ACTIVE', updatedAt: daysAgo(180), progressReports: [] }, NOW)).toBe(false);
    expect(isOverdue({ status: 'ACTIVE', updatedAt: daysAgo(200), progressReports: [{ createdAt: daysAgo(180) }] }, NOW)).toBe(false);
    expect(isOverdue({ status: 'ACTIVE', updatedAt: new Date(Date.parse(daysAgo(180)) - 1).toISOString(), progressReports: [] }, NOW)).toBe(
      true,
    );
  });

  it('never flags a pairing that takes no reports', () => {
    for (const status of ['COMPLETED', 'APPROVED', 'DECLINED', 'REJECTED', 'PROPOSED'] as const) {
      expect(isOverdue({ status, updatedAt: daysAgo(1000), progressReports: [] }, NOW)).toBe(false);
    }
  });

  it('takes another number of days', () => {
    expect(isOverdue({ status: 'ACTIVE', updatedAt: daysAgo(40), progressReports: [] }, NOW, 30)).toBe(true);
  });
});

describe('lastFiledReport', () => {
  it('is the report filed last, or null', () => {
    expect(lastFiledReport([])).toBeNull();
    const reports = [
      { id: 'a', createdAt: daysAgo(5) },
      { id: 'b', createdAt: daysAgo(1) },
      { id: 'c', createdAt: daysAgo(3) },
    ];
    expect(lastFiledReport(reports)?.id).toBe('b');
  });
});
