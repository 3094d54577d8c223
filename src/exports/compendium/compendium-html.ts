import { createHash } from 'node:crypto';
import { Compendium, CompendiumNeed } from './compendium-model';
import { needsCounted } from './compendium-texts';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const STYLE = `
    body { font-family: 'Noto Sans', 'Noto Sans SC', 'Noto Sans Arabic', system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; margin: 0 auto; max-inline-size: 48rem; padding: 1.5rem; }
    h1 { margin-block-end: 0.25rem; }
    h2 { border-block-end: 2px solid #1b1b1b; margin-block-start: 2.5rem; break-after: avoid; }
    h3 { margin-block-start: 1.5rem; break-after: avoid; }
    h4 { margin-block: 1rem 0.25rem; }
    .meta { color: #4a4a4a; margin-block: 0.25rem; }
    blockquote { border-inline-start: 4px solid #8a8a8a; margin-inline: 0; padding-inline-start: 1rem; }
    .need { break-inside: avoid; }
    /* What people wrote runs the way of its own first letter, and stands where the page's text does. */
    [dir="auto"] { text-align: left; }
    html[dir="rtl"] [dir="auto"] { text-align: right; }
    @media print { body { max-inline-size: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

/**
 * The page's policy: nothing but its own style sheet, allowed by its hash (the service's general
 * policy allows style sheets from its own address only, which would leave the page unstyled).
 */
export const COMPENDIUM_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/**
 * Printable HTML: no script, no request to any other host (fonts are the reader's own), logical CSS
 * properties so that Arabic mirrors, and print rules that keep a need on one page where it fits.
 */
export function compendiumHtml(compendium: Compendium): string {
  const { texts } = compendium;
  const need = (item: CompendiumNeed) => `
      <article class="need">
        <h4 dir="auto">${escapeHtml(item.title)}</h4>
        <p class="meta"><strong>${escapeHtml(item.country)}</strong> · ${texts.budget}${texts.colon}<bdi>${item.budget}</bdi> · ${texts.gap}${texts.colon}<bdi>${item.gap}</bdi></p>
        <p class="meta">${texts.themes}${texts.colon}${item.themes.map(escapeHtml).join(texts.listSeparator)}</p>
        <p dir="auto">${escapeHtml(item.description)}</p>${
          item.sourceExcerpt
            ? `\n        <blockquote><p class="meta">${texts.source}</p><p dir="auto">${escapeHtml(item.sourceExcerpt)}</p></blockquote>`
            : ''
        }
      </article>`;
  const regions = compendium.regions
    .map(
      (region) => `
    <section aria-labelledby="region-${region.code}">
      <h2 id="region-${region.code}">${escapeHtml(region.heading)}</h2>
      <p class="meta">${needsCounted(compendium.lang, region.needCount)} · ${texts.budget}${texts.colon}<bdi>${region.budget}</bdi> · ${texts.gap}${texts.colon}<bdi>${region.gap}</bdi></p>${region.themes
        .map((theme) => `\n      <h3>${escapeHtml(theme.heading)}</h3>${theme.needs.map(need).join('')}`)
        .join('')}
    </section>`,
    )
    .join('');
  const contents = compendium.regions
    .map((region) => `<li><a href="#region-${region.code}">${escapeHtml(region.heading)}</a> (${region.needCount})</li>`)
    .join('');
  return `<!doctype html>
<html lang="${compendium.lang}" dir="${compendium.dir}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${texts.title}</title>
  <style>${STYLE}</style>
</head>
<body>
  <header>
    <h1>${texts.title}</h1>
    <p>${texts.subtitle}</p>
    <p class="meta">${escapeHtml(compendium.generated)}</p>
    <p>${texts.intro}</p>
    <p><strong>${texts.totals}${texts.colon}</strong>${needsCounted(compendium.lang, compendium.needCount)} · ${texts.budget}${texts.colon}<bdi>${compendium.budget}</bdi> · ${texts.gap}${texts.colon}<bdi>${compendium.gap}</bdi></p>
  </header>
  <main>${
    compendium.regions.length
      ? `
    <nav aria-labelledby="contents"><h2 id="contents">${texts.contents}</h2><ul>${contents}</ul></nav>${regions}`
      : `\n    <p>${texts.none}</p>`
  }
  </main>
</body>
</html>
`;
}
