import { AssistanceType } from '../domain/enums';
import type { AnalysedPassage } from './analysis/analyse-report';
import { planDraftNeeds, UNSPECIFIED_ASSISTANCE_TYPES } from './draft-needs';

const passage = (overrides: Partial<AnalysedPassage>): AnalysedPassage => ({
  paragraphRef: '12',
  text: 'The national police lack marking machines and need training.',
  themes: [{ code: 'MARKING', score: 1, evidence: ['marking'] }],
  assistanceTypes: ['EQUIPMENT', 'TRAINING'],
  cues: ['lack', 'need'],
  title: 'Marking: The national police lack marking machines and need training',
  ...overrides,
});

describe('planDraftNeeds', () => {
  it('drafts one need per passage with its title, themes, assistance types and paragraph, in order', () => {
    const plan = planDraftNeeds([
      passage({}),
      passage({
        paragraphRef: '13',
        text: '需要援助销毁剩余武器。',
        themes: [{ code: 'DESTRUCTION', score: 1, evidence: ['销毁'] }],
        assistanceTypes: ['FINANCIAL'],
      }),
    ]);
    expect(plan.passagesWithoutTheme).toBe(0);
    expect(plan.drafts).toEqual([
      {
        title: 'Marking: The national police lack marking machines and need training',
        passage: 'The national police lack marking machines and need training.',
        paragraphRef: '12',
        themeCodes: ['MARKING'],
        assistanceTypes: [AssistanceType.EQUIPMENT, AssistanceType.TRAINING],
      },
      expect.objectContaining({ paragraphRef: '13', themeCodes: ['DESTRUCTION'], assistanceTypes: [AssistanceType.FINANCIAL] }),
    ]);
  });

  it('leaves out passages without a recognised theme and counts them', () => {
    const plan = planDraftNeeds([passage({ themes: [] }), passage({}), passage({ themes: [] })]);
    expect(plan.drafts).toHaveLength(1);
    expect(plan.passagesWithoutTheme).toBe(2);
  });

  it('keeps every assistance form open when the passage names none', () => {
    const [draft] = planDraftNeeds([passage({ assistanceTypes: [] })]).drafts;
    expect(draft.assistanceTypes).toEqual(Object.values(AssistanceType));
    expect(UNSPECIFIED_ASSISTANCE_TYPES).toHaveLength(5);
  });
});
