import { maskBoilerplate } from './boilerplate';

describe('maskBoilerplate', () => {
  it('blanks the Tracing Instrument title and legal-basis qualifiers, keeping the length', () => {
    const text = '根据国家法律、条例和行政程序，执行《使各国能够及时可靠地识别和追查非法小武器和轻武器国际文书》，加强标识。';
    const masked = maskBoilerplate(text, 'zh');
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toMatch(/法律|追查|识别/);
    expect(masked.endsWith('，加强标识。')).toBe(true);
  });

  it('masks in the other languages too', () => {
    expect(maskBoilerplate('We apply the International Tracing Instrument in accordance with national legislation.', 'en')).not.toMatch(
      /Tracing|legislation/,
    );
    expect(maskBoilerplate('Instrument international de traçage, conformément à la législation nationale.', 'fr')).not.toMatch(
      /traçage|législation/,
    );
    expect(maskBoilerplate('de conformidad con la legislación nacional', 'es')).not.toMatch(/legislación/);
  });

  it('leaves a law that is the subject of the passage alone', () => {
    expect(maskBoilerplate('We need help to revise the national legislation on firearms.', 'en')).toBe(
      'We need help to revise the national legislation on firearms.',
    );
  });
});
