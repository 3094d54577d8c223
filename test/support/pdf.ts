import PDFDocument from 'pdfkit';

/** A real PDF drawn by pdfkit, for the tests that import national reports. */
export function renderPdf(draw: (document: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument();
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    draw(document);
    document.end();
  });
}

/** A PDF with one paragraph per string; pdfkit's standard fonts cover Latin-1 only, so the text is English. */
export const buildPdf = (paragraphs: string[]): Promise<Buffer> =>
  renderPdf((document) => paragraphs.forEach((paragraph) => document.text(paragraph).moveDown()));
