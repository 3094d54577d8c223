import PDFDocument from 'pdfkit';

/** A PDF with one paragraph per string; pdfkit's standard fonts cover Latin-1 only, so the text is English. */
export function buildPdf(paragraphs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument();
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    for (const paragraph of paragraphs) document.text(paragraph).moveDown();
    document.end();
  });
}

/**
 * Nigeria's national report as the state's journey imports it: one paragraph that clearly asks for
 * assistance in themes the demo donors fund in Western Africa (Germany's Amnesty Month offer covers
 * stockpile management across Africa), so publishing the need yields at least one match.
 */
export const NIGERIA_REPORT = [
  'National report of Nigeria on the implementation of the Programme of Action',
  '1. The Presidential Committee on Small Arms and Light Weapons coordinates the national response.',
  '2. Nigeria requests assistance to train 40 officers in stockpile management and to mark and record seized weapons held in police armouries.',
];
