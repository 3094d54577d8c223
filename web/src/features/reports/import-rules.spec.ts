import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/I18nProvider';
import {
  base64OfDataUrl,
  extensionOf,
  importProblems,
  latestReportYear,
  MAX_REPORT_BYTES,
  refusalMessageId,
  wasImportedBefore,
  type ImportForm,
} from './import-rules';

const t: Translate = (id, values) => (values ? `${id} ${JSON.stringify(values)}` : id);
const NOW = new Date('2026-06-15T12:00:00Z');

const valid: ImportForm = {
  needsCountry: false,
  countryIso3: '',
  source: 'FILE',
  file: { name: 'Report-2024.PDF', size: 1024 },
  text: '',
  year: '2024',
  instrument: 'POA',
};

const problems = (changes: Partial<ImportForm>) => importProblems({ ...valid, ...changes }, t, NOW).map((p) => `${p.field}: ${p.message}`);

describe('importProblems', () => {
  it('accepts a PDF, a Word document or a text file of the right size, or pasted text', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ file: { name: 'r.docx', size: MAX_REPORT_BYTES } })).toEqual([]);
    expect(problems({ file: { name: 'r.txt', size: 1 } })).toEqual([]);
    expect(problems({ source: 'TEXT', file: null, text: 'We need training.' })).toEqual([]);
  });

  it('asks how the report is provided, then for the file or the text chosen', () => {
    expect(problems({ source: null, file: null })).toEqual(['source: reports.import.rule.sourceMissing']);
    expect(problems({ file: null })).toEqual(['input.fileBase64: reports.import.rule.fileMissing']);
    expect(problems({ source: 'TEXT', text: '  \n ' })).toEqual(['input.text: reports.import.rule.textMissing']);
  });

  it('refuses files the API refuses: other formats, Word 97–2003, empty, over 20 MiB', () => {
    expect(problems({ file: { name: 'scan.png', size: 10 } })).toEqual(['input.fileBase64: reports.refusal.unsupported']);
    expect(problems({ file: { name: 'noextension', size: 10 } })).toEqual(['input.fileBase64: reports.refusal.unsupported']);
    expect(problems({ file: { name: 'old.doc', size: 10 } })).toEqual(['input.fileBase64: reports.refusal.oldWord']);
    expect(problems({ file: { name: 'r.pdf', size: 0 } })).toEqual(['input.fileBase64: reports.refusal.empty']);
    expect(problems({ file: { name: 'r.pdf', size: MAX_REPORT_BYTES + 1 } })).toEqual(['input.fileBase64: reports.refusal.tooLarge']);
  });

  it('measures pasted text in UTF-8 bytes, as the API does', () => {
    const chinese = '援'.repeat(Math.floor(MAX_REPORT_BYTES / 3) + 1);
    expect(chinese.length).toBeLessThan(MAX_REPORT_BYTES);
    expect(problems({ source: 'TEXT', text: chinese })).toEqual(['input.text: reports.refusal.tooLarge']);
  });

  it('takes years from 2001 to next year', () => {
    expect(latestReportYear(NOW)).toBe(2027);
    expect(problems({ year: '2001' })).toEqual([]);
    expect(problems({ year: '2027' })).toEqual([]);
    expect(problems({ year: '2000' })).toEqual(['input.year: reports.import.rule.yearRange {"first":2001,"latest":2027}']);
    expect(problems({ year: '2028' })).toEqual(['input.year: reports.import.rule.yearRange {"first":2001,"latest":2027}']);
    expect(problems({ year: '2024.5' })).toEqual(['input.year: common.rule.wholeNumber']);
    expect(problems({ year: ' ' })).toEqual(['input.year: reports.import.rule.yearMissing']);
  });

  it('asks for the instrument, and for the country only when the reader acts for states', () => {
    expect(problems({ instrument: '' })).toEqual(['input.instrument: reports.import.rule.instrumentMissing']);
    expect(problems({ needsCountry: true })).toEqual(['input.countryIso3: reports.import.rule.countryMissing']);
    expect(problems({ needsCountry: true, countryIso3: 'NGA' })).toEqual([]);
  });
});

describe('refusalMessageId', () => {
  // The API's own wording, from src/reports/extraction/extract-text.ts and reports.service.ts.
  it.each([
    ['input.fileBase64', 'The document is empty.', 'reports.refusal.empty'],
    ['input.text', 'The document contains no text.', 'reports.refusal.empty'],
    ['input.fileBase64', 'The Word document contains no text.', 'reports.refusal.empty'],
    [
      'input.fileBase64',
      'No text could be extracted from the PDF: it looks like a scanned document. Run it through OCR (text recognition) first and upload the result.',
      'reports.refusal.scanned',
    ],
    ['input.fileBase64', 'The PDF is password-protected. Remove the password and upload it again.', 'reports.refusal.password'],
    ['input.fileBase64', 'The document is 20.5 MiB; documents of at most 20 MiB are accepted.', 'reports.refusal.tooLarge'],
    [
      'input.fileBase64',
      'The file "a.pdf" is named as a PDF, but its content is a Word (.docx) document. Check that you chose the right file.',
      'reports.refusal.mismatch',
    ],
    [
      'input.fileBase64',
      'Unsupported document format: the content is a PNG image. Upload a PDF, a Word (.docx) document or a UTF-8 text file.',
      'reports.refusal.unsupported',
    ],
    ['input.fileBase64', 'The PDF is damaged or not a valid PDF and cannot be read (bad xref).', 'reports.refusal.damaged'],
    ['input.fileBase64', 'fileBase64 is not valid standard base64.', 'reports.refusal.damaged'],
    [
      'input.fileBase64',
      'The PDF could not be read: it took longer than 60 s. Try saving it again as a simpler PDF, or upload it as a Word document.',
      'reports.refusal.tooComplex',
    ],
  ])('words %s "%s" in the reader’s language', (field, message, id) => {
    expect(refusalMessageId(field, message)).toBe(id);
  });

  it('leaves other refusals and other fields to the API’s own words', () => {
    expect(refusalMessageId('input.fileBase64', 'Something new went wrong.')).toBeNull();
    expect(refusalMessageId('input.year', 'The document is empty.')).toBeNull();
  });
});

describe('wasImportedBefore', () => {
  const sentAt = Date.parse('2026-06-15T12:00:00Z');
  it('calls a report older than the sending a repeat, allowing for clocks a little apart', () => {
    expect(wasImportedBefore('2026-06-01T09:00:00Z', sentAt)).toBe(true);
    expect(wasImportedBefore('2026-06-15T12:00:30Z', sentAt)).toBe(false);
    expect(wasImportedBefore('2026-06-15T11:59:30Z', sentAt)).toBe(false);
  });
});

describe('file helpers', () => {
  it('reads the extension and the base64 of a data URL', () => {
    expect(extensionOf('Rapport.national.DOCX')).toBe('.docx');
    expect(extensionOf('README')).toBe('');
    expect(base64OfDataUrl('data:application/pdf;base64,JVBERi0=')).toBe('JVBERi0=');
    expect(base64OfDataUrl('data:,')).toBe('');
  });
});
