import { AssistanceType, Visibility } from '../domain/enums';
import { NeedStatus } from '../domain/statuses';
import { newNeed, NewNeedContent } from './new-need';

const content: NewNeedContent = {
  countryIso3: 'NGA',
  title: '  Armoury doors ',
  description: ' Secure doors for two armouries. ',
  themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING'],
  assistanceTypes: [AssistanceType.EQUIPMENT],
  estimatedBudgetUsd: 250000,
  visibility: Visibility.DONORS,
};

describe('newNeed', () => {
  it('starts every need as an unfunded draft with the defaults its state has not set', () => {
    const { need } = newNeed('user-1', content);
    expect(need).toMatchObject({
      status: NeedStatus.DRAFT,
      fundedUsd: 0,
      priority: 3,
      title: 'Armoury doors',
      description: 'Secure doors for two armouries.',
      startDate: null,
      endDate: null,
      nationalActionPlan: false,
      conflictAffected: false,
      nationalReportId: null,
      sourceExcerpt: null,
      createdBy: 'user-1',
    });
  });

  it('ties the need to its themes', () => {
    const { need } = newNeed('user-1', content);
    expect(need.themeLinks.map((link) => [link.needId, link.themeCode])).toEqual([
      [need.id, 'STOCKPILE_MANAGEMENT'],
      [need.id, 'MARKING'],
    ]);
  });

  it('keeps what its state chose', () => {
    const { need } = newNeed('user-1', {
      ...content,
      priority: 1,
      startDate: '2027-01-01',
      multiYear: true,
      visibility: Visibility.PUBLIC,
    });
    expect(need).toMatchObject({ priority: 1, startDate: '2027-01-01', multiYear: true, visibility: Visibility.PUBLIC });
  });

  it('records its creation with what it asks for', () => {
    const { need, audit } = newNeed('user-1', content);
    expect(audit).toEqual({
      action: 'need.create',
      entityType: 'Need',
      entityId: need.id,
      detail: { countryIso3: 'NGA', title: 'Armoury doors', themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING'], estimatedBudgetUsd: 250000 },
    });
  });

  it('names the source report and where in it the need came from', () => {
    const createdAt = new Date('2026-12-01T10:00:00.001Z');
    const { need, audit } = newNeed('user-1', { ...content, nationalReportId: 'report-1', sourceExcerpt: 'We need doors.' }, createdAt, {
      paragraphRef: '12',
    });
    expect(need).toMatchObject({ nationalReportId: 'report-1', sourceExcerpt: 'We need doors.', createdAt });
    expect(audit.detail).toMatchObject({ nationalReportId: 'report-1', paragraphRef: '12' });
  });

  it('puts a need filed by hand in the cycle of the day it is filed, valid to the end of the next cycle', () => {
    const { need } = newNeed('user-1', content, new Date('2026-12-05T10:00:00Z'));
    expect(need).toMatchObject({ cycleYear: 2026, validUntil: '2028-12-31', confirmedAt: null });
  });

  it("puts a need drawn from a national report in the report's cycle, valid by the rule from the day it is filed", () => {
    const { need } = newNeed('user-1', { ...content, nationalReportId: 'report-1', reportYear: 2023 }, new Date('2026-12-05T10:00:00Z'));
    expect(need).toMatchObject({ cycleYear: 2024, validUntil: '2028-12-31' });
  });
});
