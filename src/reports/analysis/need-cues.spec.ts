import { findNeedCues } from './need-cues';

describe('findNeedCues', () => {
  it.each([
    ['zh', '我国缺乏销毁多余武器所需的切割设备，希望得到技术援助。'],
    ['zh', '请求提供设备和培训，以提高边境口岸的检查能力。'],
    ['en', 'The national police lack marking machines.'],
    ['en', 'The Ministry of Justice would welcome training for specialised prosecutors.'],
    ['en', 'Assistance is needed to establish an electronic licensing system.'],
    ['fr', 'Le Gouvernement sollicite une assistance technique pour la révision de la loi.'],
    ['es', 'La fiscalía carece de capacidad para investigar casos de tráfico ilícito.'],
    ['ru', 'Правительство нуждается в технической помощи.'],
    ['ar', 'نطلب المساعدة في وسم الأسلحة.'],
  ] as const)('finds a request in %s: %s', (language, text) => {
    const result = findNeedCues(text, language);
    expect(result.expressesNeed).toBe(true);
    expect(result.cues.length).toBeGreaterThan(0);
  });

  it('returns the cue words as written', () => {
    expect(findNeedCues('We request assistance because our armouries lack locks.', 'en').cues).toEqual(['request', 'assistance', 'lack']);
  });

  it('does not take a statement about assistance in general for a need', () => {
    expect(findNeedCues('International cooperation and assistance remain essential for implementation.', 'en').expressesNeed).toBe(false);
    expect(findNeedCues('国际合作和援助对于全面执行《行动纲领》至关重要。', 'zh').expressesNeed).toBe(false);
  });

  it('does not take a donor describing what it gave for a request', () => {
    expect(
      findNeedCues('In 2021 our Government provided USD 2 million to help Niger meet its needs in stockpile management.', 'en')
        .expressesNeed,
    ).toBe(false);
    expect(findNeedCues('裁军事务厅已向马达加斯加提供了支持，以满足其需要。', 'zh').expressesNeed).toBe(false);
  });

  it('still finds a request in a passage that also mentions past support', () => {
    expect(
      findNeedCues('Germany provided funding in 2020; we now request further support and lack trained staff.', 'en').expressesNeed,
    ).toBe(true);
  });
});
