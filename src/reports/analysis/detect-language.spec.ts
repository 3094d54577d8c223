import { analysisLanguage, detectLanguage } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['zh', '各国鼓励有能力的国家提供财政和技术援助，以加强储存管理。'],
    ['zh', '根据 A/CONF.192/BMS/2022/1 号文件，需要 3D 打印武器方面的援助。'],
    ['ru', 'Правительство нуждается в технической помощи для совершенствования законодательства.'],
    ['ar', 'تطلب الحكومة مساعدة تقنية لتحديث التشريعات الوطنية المتعلقة بالأسلحة النارية.'],
    ['en', 'The Government requests technical assistance to improve the management of its stockpiles.'],
    ['fr', 'Le Gouvernement sollicite une assistance technique pour la gestion des stocks d’armes.'],
    ['es', 'El Gobierno solicita asistencia técnica para mejorar la gestión de sus arsenales.'],
  ])('tells %s', (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('gives up on text without enough letters', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12. 34/56 (2021)')).toBe('und');
    expect(detectLanguage('Annex')).toBe('und');
  });
});

describe('analysisLanguage', () => {
  it('keeps a given language and falls back to English when none can be told', () => {
    expect(analysisLanguage('anything', 'fr')).toBe('fr');
    expect(analysisLanguage('42')).toBe('en');
    expect(analysisLanguage('需要援助以加强边境管制')).toBe('zh');
  });
});
