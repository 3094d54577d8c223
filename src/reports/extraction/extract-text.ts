import { extname } from 'node:path';
import mammoth from 'mammoth';
import { BadUserInputError } from '../../common/errors/domain-errors';
import { DocumentFormat, SniffedDocument, sniffDocument } from './document-format';
import { readPdfText } from './pdf-text-reader';

export type { DocumentFormat } from './document-format';

export interface ExtractedDocument {
  text: string;
  format: DocumentFormat;
}

/** The largest national report accepted for import: 20 MiB. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const INPUT_FIELD = 'input.fileBase64';

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.pdf': 'PDF',
  '.docx': 'DOCX',
  '.txt': 'TEXT',
  '.text': 'TEXT',
  '.md': 'TEXT',
};

const FORMAT_DESCRIPTIONS: Readonly<Record<DocumentFormat, string>> = {
  PDF: 'a PDF',
  DOCX: 'a Word (.docx) document',
  TEXT: 'plain text',
};

const SUPPORTED_FORMATS_HINT = 'Upload a PDF, a Word (.docx) document or a UTF-8 text file.';

/**
 * The text of a national report uploaded as PDF, Word (.docx) or UTF-8 text, Unicode-normalised
 * with paragraph breaks kept. The real format comes from the content; a file name, when given,
 * must agree with it. Every document the service cannot use is refused with a
 * `BadUserInputError` on `input.fileBase64` that tells the user what to do.
 */
export async function extractDocumentText(content: Buffer, fileName?: string): Promise<ExtractedDocument> {
  if (content.length === 0) {
    throw refusal('The document is empty.');
  }
  if (content.length > MAX_DOCUMENT_BYTES) {
    throw refusal(
      `The document is ${toMebibytes(content.length)} MiB; documents of at most ${toMebibytes(MAX_DOCUMENT_BYTES)} MiB are accepted.`,
    );
  }

  const sniffed = sniffDocument(content);
  const claimedFormat = fileName ? FORMAT_BY_EXTENSION[extname(fileName).toLowerCase()] : undefined;
  if (claimedFormat && claimedFormat !== sniffed.format) {
    throw refusal(
      `The file "${fileName}" is named as ${FORMAT_DESCRIPTIONS[claimedFormat]}, but its content is ${describe(sniffed)}. Check that you chose the right file.`,
    );
  }

  switch (sniffed.format) {
    case 'PDF':
      return { format: 'PDF', text: await extractPdfText(content) };
    case 'DOCX':
      return { format: 'DOCX', text: await extractDocxText(content) };
    case 'TEXT':
      return { format: 'TEXT', text: requireText(normaliseExtractedText(sniffed.text), 'The document contains no text.') };
    case 'UNSUPPORTED':
      throw refusal(`Unsupported document format: the content is ${sniffed.description}. ${SUPPORTED_FORMATS_HINT}`);
  }
}

/**
 * Unicode NFC, `\n` line ends, runs of spaces and tabs collapsed to one space, at most one blank
 * line between paragraphs, control characters dropped.
 */
export function normaliseExtractedText(raw: string): string {
  return (
    raw
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\f/g, '\n\n')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point: extraction leaves some in the text
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

async function extractPdfText(content: Buffer): Promise<string> {
  const result = await readPdfText(content);
  switch (result.outcome) {
    case 'TEXT':
      return requireText(
        normaliseExtractedText(result.text),
        'No text could be extracted from the PDF: it looks like a scanned document. Run it through OCR (text recognition) first and upload the result.',
      );
    case 'PASSWORD_PROTECTED':
      throw refusal('The PDF is password-protected. Remove the password and upload it again.');
    case 'UNREADABLE':
      throw refusal(`The PDF is damaged or not a valid PDF and cannot be read (${result.reason}).`);
    case 'TOO_COMPLEX':
      throw refusal(
        `The PDF could not be read: it ${result.reason}. Try saving it again as a simpler PDF, or upload it as a Word document.`,
      );
  }
}

async function extractDocxText(content: Buffer): Promise<string> {
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: content })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw refusal(`The Word document is damaged and cannot be read (${reason}).`);
  }
  return requireText(normaliseExtractedText(raw), 'The Word document contains no text.');
}

function requireText(text: string, messageWhenEmpty: string): string {
  if (text === '') {
    throw refusal(messageWhenEmpty);
  }
  return text;
}

function describe(sniffed: SniffedDocument): string {
  return sniffed.format === 'UNSUPPORTED' ? sniffed.description : FORMAT_DESCRIPTIONS[sniffed.format];
}

function toMebibytes(bytes: number): string {
  return Number((bytes / (1024 * 1024)).toFixed(1)).toString();
}

function refusal(message: string): BadUserInputError {
  return BadUserInputError.forField(INPUT_FIELD, message);
}
