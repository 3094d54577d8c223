import { analyseReport } from './analyse-report';

describe('analyseReport', () => {
  it('keeps the passages that ask for assistance and drafts a need from each', () => {
    const report = [
      'V. International cooperation and assistance',
      '',
      '12. The Government lacks the means to secure its police armouries. We request assistance to rehabilitate',
      'storage facilities and to train storekeepers.',
      '',
      '13. In 2021 the Government provided funding to the regional centre for a training course.',
      '',
      '14. International cooperation remains essential for implementation.',
    ].join('\n');
    const analysis = analyseReport(report);
    expect(analysis.language).toBe('en');
    expect(analysis.passages).toHaveLength(1);
    const [need] = analysis.passages;
    expect(need.paragraphRef).toBe('12');
    expect(need.text).toBe(
      'The Government lacks the means to secure its police armouries. We request assistance to rehabilitate storage facilities and to train storekeepers.',
    );
    expect(need.themes.map((theme) => theme.code)).toEqual(['STOCKPILE_MANAGEMENT', 'TRAINING']);
    expect(need.assistanceTypes).toEqual(['TRAINING']);
    expect(need.cues).toEqual(['lacks', 'request', 'assistance']);
    expect(need.title).toBe('Physical security and stockpile management: The Government lacks the means to secure its police armouries');
  });

  it('analyses a Chinese report paragraph by paragraph', () => {
    const analysis = analyseReport(
      ['1. 我国缺乏标识机，请求提供设备和培训，以便在进口时标识武器。', '2. 我国已于 2020 年提交国家报告。'].join('\n'),
    );
    expect(analysis.language).toBe('zh');
    expect(analysis.passages.map((passage) => passage.paragraphRef)).toEqual(['1']);
    expect(analysis.passages[0].themes.map((theme) => theme.code)).toEqual(['MARKING', 'TRAINING']);
    expect(analysis.passages[0].assistanceTypes).toEqual(['EQUIPMENT', 'TRAINING']);
    expect(analysis.passages[0].title.startsWith('标识、培训和研究金：我国缺乏标识机')).toBe(true);
  });

  it('returns no passages for a document without requests', () => {
    expect(analyseReport('').passages).toEqual([]);
  });
});
