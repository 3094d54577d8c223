import { THEMES } from '../../reference/data/themes';
import { detectThemes, THEME_SCORE_THRESHOLD } from './theme-detector';

const codes = (text: string, language?: Parameters<typeof detectThemes>[1]) => detectThemes(text, language).map((theme) => theme.code);

describe('detectThemes', () => {
  it('matches Chinese on characters, without word boundaries', () => {
    expect(codes('必须优先考虑边境管制、储存管理、销毁、标识、记录保存和追查小武器和轻武器等领域的能力建设。', 'zh').sort()).toEqual(
      ['BORDER_CUSTOMS', 'DESTRUCTION', 'MARKING', 'RECORD_KEEPING', 'STOCKPILE_MANAGEMENT', 'TRACING'].sort(),
    );
  });

  it('tolerates inflection in English and French', () => {
    expect(codes('Our stockpiles are insecure and weapons are not marked.', 'en')).toEqual(['STOCKPILE_MANAGEMENT', 'MARKING']);
    expect(codes('Les armes saisies ne sont pas marquées et la législation est ancienne.', 'fr')).toEqual(['LEGISLATION', 'MARKING']);
  });

  it('detects the language when none is given', () => {
    expect(codes('Solicitamos apoyo para la destrucción de armas excedentes.')).toEqual(['DESTRUCTION']);
  });

  it('does not assign a theme on one incidental supporting word', () => {
    expect(codes('We met the police and the customs.', 'en')).toEqual([]);
    expect(codes('We need support for our customs officers at the border posts.', 'en')).toEqual(['BORDER_CUSTOMS']);
  });

  it('ignores the title of the International Tracing Instrument and legal-basis qualifiers', () => {
    expect(codes('加强执行《使各国能够及时可靠地识别和追查非法小武器和轻武器国际文书》的国际合作。', 'zh')).toEqual([]);
    expect(codes('We implement the International Tracing Instrument in accordance with national legislation.', 'en')).toEqual([]);
  });

  it('returns theme codes only, best first, with the words that led to each', () => {
    const themes = detectThemes('Ammunition depots hold surplus ammunition and obsolete munitions; we need help to destroy them.', 'en');
    const themeCodes = new Set(THEMES.map((theme) => theme.code));
    expect(themes.every((theme) => themeCodes.has(theme.code) && theme.score >= THEME_SCORE_THRESHOLD)).toBe(true);
    expect(themes[0]).toEqual({ code: 'AMMUNITION', score: 2.25, evidence: ['Ammunition', 'ammunition', 'munitions'] });
    expect(themes.map((theme) => theme.code)).toEqual(['AMMUNITION', 'DESTRUCTION']);
    expect(themes[1].evidence).toEqual(['surplus', 'obsolete', 'destroy']);
  });

  it('finds nothing in a passage about assistance in general', () => {
    expect(codes('国际合作和援助对于全面执行《行动纲领》至关重要。', 'zh')).toEqual([]);
  });
});
