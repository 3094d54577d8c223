import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { BadUserInputError } from '../../common/errors/domain-errors';
import { extractDocumentText, MAX_DOCUMENT_BYTES, normaliseExtractedText } from './extract-text';
import { PDF_READS_AT_ONCE, pdfReadTurns, readPdfText } from './pdf-text-reader';

function renderPdf(draw: (document: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument(options);
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    draw(document);
    document.end();
  });
}

/** pdfkit's standard fonts only cover Latin-1, so PDF fixtures are in English. */
function buildPdf(pages: string[], options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return renderPdf((document) => {
    pages.forEach((page, index) => {
      if (index > 0) document.addPage();
      document.text(page);
    });
  }, options);
}

/** What a scanner produces, as far as text goes: marks on the page and no text layer. */
function buildPdfWithDrawingOnly(): Promise<Buffer> {
  return renderPdf((document) => document.rect(50, 50, 300, 400).fill('#777777'));
}

function buildDocx(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return Packer.toBuffer(document);
}

async function refusalOf(promise: Promise<unknown>): Promise<BadUserInputError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(BadUserInputError);
  const refusal = error as BadUserInputError;
  expect(refusal.fields).toEqual([{ field: 'input.fileBase64', message: refusal.message }]);
  return refusal;
}

describe('extractDocumentText', () => {
  describe('PDF', () => {
    it('extracts the text of every page', async () => {
      const pdf = await buildPdf([
        'Request for assistance: marking machines for the national police.',
        'Second page: training on record-keeping.',
      ]);
      const result = await extractDocumentText(pdf, 'national-report.pdf');
      expect(result.format).toBe('PDF');
      expect(result.text).toContain('Request for assistance: marking machines for the national police.');
      expect(result.text).toContain('Second page: training on record-keeping.');
      expect(result.text).not.toMatch(/-- \d+ of \d+ --/);
    });

    it('tells the format from the content when there is no file name', async () => {
      const result = await extractDocumentText(await buildPdf(['Stockpile management']));
      expect(result).toEqual({ format: 'PDF', text: 'Stockpile management' });
    });

    it('refuses a PDF without a text layer as a scanned document', async () => {
      const refusal = await refusalOf(extractDocumentText(await buildPdfWithDrawingOnly(), 'scan.pdf'));
      expect(refusal.message).toMatch(/scanned/);
      expect(refusal.message).toMatch(/OCR/);
    });

    it('refuses a password-protected PDF', async () => {
      const pdf = await buildPdf(['Confidential'], { userPassword: 'secret', ownerPassword: 'owner' });
      const refusal = await refusalOf(extractDocumentText(pdf, 'protected.pdf'));
      expect(refusal.message).toMatch(/password-protected/);
    });

    it('refuses a damaged PDF', async () => {
      const damaged = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF\n', 'latin1');
      const refusal = await refusalOf(extractDocumentText(damaged, 'damaged.pdf'));
      expect(refusal.message).toMatch(/^The PDF is damaged or not a valid PDF/);
    });

    it(`reads at most ${PDF_READS_AT_ONCE} PDFs at once, a waiting one's deadline starting with its turn`, async () => {
      const pdf = await buildPdf(['Waiting']);
      const taken = await Promise.all(Array.from({ length: PDF_READS_AT_ONCE }, () => pdfReadTurns.acquire()));
      let outcome: string | undefined;
      // With a 1 ms deadline it would end at once if it did not wait for a turn.
      const waiting = readPdfText(pdf, { timeoutMs: 1, maxHeapMb: 256 }).then((result) => (outcome = result.outcome));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(outcome).toBeUndefined();
      for (const [, release] of taken) release();
      await waiting;
      expect(outcome).toBe('TOO_COMPLEX');
      expect(pdfReadTurns.getValue()).toBe(PDF_READS_AT_ONCE);
    });

    it('stops reading a PDF at the deadline', async () => {
      const pdf = await buildPdf(['Slow']);
      await expect(readPdfText(pdf, { timeoutMs: 1, maxHeapMb: 256 })).resolves.toMatchObject({ outcome: 'TOO_COMPLEX' });
    });
  });

  describe('DOCX', () => {
    it('extracts paragraphs, Chinese included, with the breaks between them', async () => {
      const docx = await buildDocx(['国家报告', '请求援助：武器标识设备和培训。', 'Marking   and   record-keeping']);
      const result = await extractDocumentText(docx, 'report.DOCX');
      expect(result).toEqual({
        format: 'DOCX',
        text: '国家报告\n\n请求援助：武器标识设备和培训。\n\nMarking and record-keeping',
      });
    });

    it('refuses a Word document without text', async () => {
      const refusal = await refusalOf(extractDocumentText(await buildDocx(['', '  ']), 'blank.docx'));
      expect(refusal.message).toBe('The Word document contains no text.');
    });

    it('refuses a damaged Word document', async () => {
      const docx = await buildDocx(['Some text that will be cut off']);
      const truncated = docx.subarray(0, Math.floor(docx.length / 2));
      const refusal = await refusalOf(extractDocumentText(truncated, 'cut.docx'));
      expect(refusal.message).toMatch(/^The Word document is damaged/);
    });
  });

  describe('text', () => {
    it('decodes UTF-8, drops the byte order mark and normalises line ends and spaces', async () => {
      const content = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('第一段：  小武器\t和轻武器\r\n同一段\r\n\r\n\r\n\r\n第二段  \r\n', 'utf8'),
      ]);
      const result = await extractDocumentText(content, 'report.txt');
      expect(result).toEqual({ format: 'TEXT', text: '第一段： 小武器 和轻武器\n同一段\n\n第二段' });
    });

    it('accepts text under a name with another extension and without a name', async () => {
      await expect(extractDocumentText(Buffer.from('Needs assessment'), 'notes.csv')).resolves.toEqual({
        format: 'TEXT',
        text: 'Needs assessment',
      });
      await expect(extractDocumentText(Buffer.from('Needs assessment'))).resolves.toMatchObject({ format: 'TEXT' });
    });

    it('refuses text that is only whitespace', async () => {
      const refusal = await refusalOf(extractDocumentText(Buffer.from(' \n\t\r\n '), 'blank.txt'));
      expect(refusal.message).toBe('The document contains no text.');
    });

    it('refuses bytes that are not valid UTF-8', async () => {
      const latin1 = Buffer.from('Rapport national : désarmement', 'latin1');
      const refusal = await refusalOf(extractDocumentText(latin1));
      expect(refusal.message).toMatch(/^Unsupported document format: .*not UTF-8/);
    });

    it('refuses binary content with NUL bytes', async () => {
      const refusal = await refusalOf(extractDocumentText(Buffer.from([0x41, 0x00, 0x42, 0x43]), 'data.bin'));
      expect(refusal.message).toMatch(/^Unsupported document format: the content is binary data/);
    });
  });

  describe('refusals before reading', () => {
    it('refuses an empty document', async () => {
      const refusal = await refusalOf(extractDocumentText(Buffer.alloc(0), 'report.pdf'));
      expect(refusal.message).toBe('The document is empty.');
    });

    it('refuses a document over the size limit', async () => {
      expect(MAX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
      const oversized = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 'a');
      const refusal = await refusalOf(extractDocumentText(oversized, 'report.txt'));
      expect(refusal.message).toMatch(/20 MiB/);
    });

    it('accepts a document of exactly the size limit', async () => {
      const result = await extractDocumentText(Buffer.alloc(MAX_DOCUMENT_BYTES, 'a'), 'report.txt');
      expect(result.text).toHaveLength(MAX_DOCUMENT_BYTES);
    });

    it('refuses a .pdf file that is not a PDF', async () => {
      const refusal = await refusalOf(extractDocumentText(Buffer.from('just some text'), 'report.pdf'));
      expect(refusal.message).toBe(
        'The file "report.pdf" is named as a PDF, but its content is plain text. Check that you chose the right file.',
      );
    });

    it('refuses a .docx file that is a PDF', async () => {
      const refusal = await refusalOf(extractDocumentText(await buildPdf(['Text']), 'report.docx'));
      expect(refusal.message).toMatch(/named as a Word \(\.docx\) document, but its content is a PDF/);
    });

    it('refuses a .txt file that is a Word document', async () => {
      const refusal = await refusalOf(extractDocumentText(await buildDocx(['Text']), 'report.txt'));
      expect(refusal.message).toMatch(/named as plain text, but its content is a Word \(\.docx\) document/);
    });

    it('names the legacy Word format', async () => {
      const legacyWord = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
      const refusal = await refusalOf(extractDocumentText(legacyWord, 'report.doc'));
      expect(refusal.message).toMatch(/Word 97-2003 \(\.doc\)/);
      expect(refusal.message).toMatch(/Upload a PDF, a Word \(\.docx\) document or a UTF-8 text file\./);
    });

    it('refuses a ZIP archive that is not a Word document', async () => {
      const zipWithoutWordPart = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('xl/workbook.xml')]);
      const refusal = await refusalOf(extractDocumentText(zipWithoutWordPart, 'figures.xlsx'));
      expect(refusal.message).toMatch(/ZIP archive that is not a Word document/);
    });

    it('refuses an image', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
      const refusal = await refusalOf(extractDocumentText(png, 'scan.png'));
      expect(refusal.message).toMatch(/PNG image/);
    });
  });
});

describe('normaliseExtractedText', () => {
  it('composes characters to NFC', () => {
    expect(normaliseExtractedText('De\u0301sarmement')).toBe('Désarmement');
  });

  it('collapses spaces but keeps one blank line between paragraphs', () => {
    expect(normaliseExtractedText('  a  \u00a0 b \n\n\n\n c\u3000\u3000d  \n')).toBe('a b\n\nc d');
  });

  it('turns form feeds into paragraph breaks and drops other control characters', () => {
    expect(normaliseExtractedText('page one\fpage\u0007 two')).toBe('page one\n\npage two');
  });
});
