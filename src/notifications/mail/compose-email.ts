import type { UnLanguage } from '../../reference/data/themes';
import type { PresentedNotification } from '../delivery/notification-presenter';
import { renderText } from '../texts/render';

const RTL_LANGUAGES: readonly UnLanguage[] = ['ar'];

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/**
 * The subject and parts of an e-mail carrying one notification (its title is the subject) or a
 * digest of several, in the reader's language: a plain-text part, and the same as simple HTML laid
 * out right to left for Arabic.
 */
export function composeEmail(
  language: UnLanguage,
  items: readonly PresentedNotification[],
  digest: boolean,
): { subject: string; text: string; html: string } {
  const subject = digest ? renderText(language, 'digestSubject', { count: items.length }) : items[0].title;
  const intro = digest ? renderText(language, 'digestIntro') : null;
  const footer = renderText(language, 'footer');
  const text = [
    ...(intro ? [intro, ''] : []),
    ...items.flatMap((item) => (digest ? [`* ${item.title}`, `  ${item.body}`, ''] : [item.body, ''])),
    '--',
    footer,
    '',
  ].join('\n');
  const dir = RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  const html = [
    `<!DOCTYPE html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    ...(intro ? [`<p>${escapeHtml(intro)}</p>`] : []),
    ...items.map((item) =>
      digest ? `<h2>${escapeHtml(item.title)}</h2><p>${escapeHtml(item.body)}</p>` : `<p>${escapeHtml(item.body)}</p>`,
    ),
    `<hr><p><small>${escapeHtml(footer)}</small></p></body></html>`,
  ].join('\n');
  return { subject, text, html };
}
