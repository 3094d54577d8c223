import { splitPassages } from './split-passages';

const refsAndTexts = (document: string) => splitPassages(document).map(({ paragraphRef, text }) => [paragraphRef, text]);

describe('splitPassages', () => {
  it('keeps paragraph numbers and lettered items as cited in the documents', () => {
    const document = [
      '30. 与会国还确定采取其他措施如下：',
      '(g) 确认联合国的作用；',
      '(h) 为了查明援助需求，鼓励各国利用现有机制；',
      '84. 鼓励利用自愿提交的国家报告来通报援助请求。',
    ].join('\n');
    expect(refsAndTexts(document)).toEqual([
      ['30', '与会国还确定采取其他措施如下：'],
      ['30(g)', '确认联合国的作用；'],
      ['30(h)', '为了查明援助需求，鼓励各国利用现有机制；'],
      ['84', '鼓励利用自愿提交的国家报告来通报援助请求。'],
    ]);
  });

  it('reads full-width numbering, circled sub-items, 之二 paragraphs and bullets', () => {
    const document = [
      '３. 各国承诺：',
      '（ｆ） 考虑一个技术委员会，该委员会可考虑：',
      '㈠ 最新发展对标识工作的影响；',
      '6.之二 我们欣见各区域组织发挥重要作用。',
      '• 加强和平文化和教育',
    ].join('\n');
    expect(refsAndTexts(document)).toEqual([
      ['3', '各国承诺：'],
      ['3(f)', '考虑一个技术委员会，该委员会可考虑：'],
      ['3(f)(i)', '最新发展对标识工作的影响；'],
      ['6之二', '我们欣见各区域组织发挥重要作用。'],
      ['6之二', '加强和平文化和教育'],
    ]);
  });

  it('joins lines broken inside a paragraph: Chinese without a space, English with one, hyphenated words whole', () => {
    const document = [
      '41. 《行动纲领》长期以来一直缺乏稳定的机制来资助支持其执行的项目和',
      '活动。',
      '',
      '12. The Government lacks the means to secure its police',
      'armouries and requests assis-',
      'tance.',
    ].join('\n');
    expect(refsAndTexts(document)).toEqual([
      ['41', '《行动纲领》长期以来一直缺乏稳定的机制来资助支持其执行的项目和活动。'],
      ['12', 'The Government lacks the means to secure its police armouries and requests assistance.'],
    ]);
  });

  it('treats blank lines in a double-spaced extraction as line breaks, not paragraph breaks', () => {
    const document = [
      '1. 墨西哥政府承认各国所作的努力。墨',
      '',
      '西哥欢迎《行动纲领》迄今取得的进展。',
      '',
      '最后宣言',
      '',
      '5. 我们与会国，应：',
    ].join('\n');
    expect(refsAndTexts(document)).toEqual([
      ['1', '墨西哥政府承认各国所作的努力。墨西哥欢迎《行动纲领》迄今取得的进展。'],
      [null, '最后宣言'],
      ['5', '我们与会国，应：'],
    ]);
  });

  it('starts a new passage at a blank line after a finished paragraph in a single-spaced document', () => {
    const document = ['Assistance needs', '', 'We need marking machines.', '', 'We also need training.'].join('\n');
    expect(refsAndTexts(document)).toEqual([
      [null, 'Assistance needs'],
      [null, 'We need marking machines.'],
      [null, 'We also need training.'],
    ]);
  });

  it('drops footnotes, link annotations and stray footnote marks, and resumes the interrupted paragraph', () => {
    const document = [
      '7. 该机制更新了其职权范围，以支持在国家一级采取办',
      '__________________',
      ' 1 反恐怖主义委员会执行局、经济和社会事务部。',
      'https://undocs.org/ch/A/RES/76/232',
      '法，将国家军备控制措施纳入国家发展框架。',
      'a',
      '8. 小武器问题协调行动有助于加强协调行动。',
    ].join('\n');
    expect(refsAndTexts(document)).toEqual([
      ['7', '该机制更新了其职权范围，以支持在国家一级采取办法，将国家军备控制措施纳入国家发展框架。'],
      ['8', '小武器问题协调行动有助于加强协调行动。'],
    ]);
  });

  it('skips footnotes that start with their own mark line until the next paragraph', () => {
    const document = [
      '8. 例如关于防止武装暴力',
      'b',
      '的会议。',
      '__________________',
      'a',
      ' 见第 60/68 号决议。',
      '9. 我们支持进一步加强规范。',
    ].join('\n');
    expect(refsAndTexts(document)).toEqual([
      ['8', '例如关于防止武装暴力的会议。'],
      ['9', '我们支持进一步加强规范。'],
    ]);
  });

  it('keeps section headings as their own unnumbered passages and numbers passages in order', () => {
    const passages = splitPassages(
      ['## 三. 审议国际合作和援助', '76. 注意到需要国际合作和援助。', '今后的方向', '77. 鼓励有能力的国家分享专门知识。'].join('\n'),
    );
    expect(passages.map((passage) => [passage.index, passage.paragraphRef, passage.text])).toEqual([
      [0, null, '三. 审议国际合作和援助'],
      [1, '76', '注意到需要国际合作和援助。'],
      [2, null, '今后的方向'],
      [3, '77', '鼓励有能力的国家分享专门知识。'],
    ]);
  });
});
