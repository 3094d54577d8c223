import { draftNeedTitle, MAX_DRAFT_TITLE_LENGTH } from './draft-need-title';

describe('draftNeedTitle', () => {
  it('puts the theme labels before the first sentence, in the passage language; only the first label when two are too long', () => {
    expect(draftNeedTitle('The national police lack marking machines. We would appreciate two.', ['MARKING'], 'en')).toBe(
      'Marking: The national police lack marking machines',
    );
    expect(draftNeedTitle('我国缺乏销毁多余武器所需的切割设备。希望得到技术援助。', ['DESTRUCTION'], 'zh')).toBe(
      '销毁和处置：我国缺乏销毁多余武器所需的切割设备',
    );
    expect(draftNeedTitle('Nous avons besoin d’un appui pour la gestion des stocks.', ['STOCKPILE_MANAGEMENT', 'AMMUNITION'], 'fr')).toBe(
      'Sécurité physique et gestion des stocks : Nous avons besoin d’un appui pour la gestion des stocks',
    );
  });

  it(`never exceeds ${MAX_DRAFT_TITLE_LENGTH} characters and cuts at a word`, () => {
    const passage = `We request assistance ${'to strengthen national capacities '.repeat(10)}in all areas.`;
    const title = draftNeedTitle(passage, ['STOCKPILE_MANAGEMENT', 'AMMUNITION'], 'en');
    expect(Array.from(title).length).toBeLessThanOrEqual(MAX_DRAFT_TITLE_LENGTH);
    expect(title.startsWith('Physical security and stockpile management: We request assistance to strengthen')).toBe(true);
    expect(title).toMatch(/ capacities…$|strengthen…$|national…$|to…$/);
  });

  it('takes the first clause of a long Chinese sentence', () => {
    const passage =
      '各国确认，小武器和轻武器的制造、技术和设计方面的最新发展，特别是聚合物和模块化武器以及使用三维的 3D 打印生产的枪支，对充分有效地执行《行动纲领》具有影响。';
    expect(draftNeedTitle(passage, ['NEW_TECHNOLOGY'], 'zh')).toBe(
      '新技术：3D 打印、聚合物和模块化武器：各国确认，小武器和轻武器的制造、技术和设计方面的最新发展',
    );
  });

  it('uses the sentence alone when no theme was detected', () => {
    expect(draftNeedTitle('  We would welcome support.  ', [], 'en')).toBe('We would welcome support');
  });
});
