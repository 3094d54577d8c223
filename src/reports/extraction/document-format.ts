/** The kinds of document a national report can be imported from. */
export type DocumentFormat = 'PDF' | 'DOCX' | 'TEXT';

/** What a document's bytes turned out to be, whatever its file name claims. */
export type SniffedDocument =
  { format: 'PDF' } | { format: 'DOCX' } | { format: 'TEXT'; text: string } | { format: 'UNSUPPORTED'; description: string };

const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');
/**
 * ZIP entry names are stored uncompressed in both the local headers and the central directory, so
 * finding the main part's name is enough to tell a Word document from another ZIP-based format
 * (XLSX, ODT, ...). A damaged Word file still looks like one and is then reported as damaged.
 */
const WORD_MAIN_PART_NAME = Buffer.from('word/document.xml', 'latin1');

/** Formats people upload by mistake, so the refusal can say what they sent. */
const RECOGNISED_OTHER_FORMATS: ReadonlyArray<{ signature: Buffer; description: string }> = [
  {
    signature: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    description: 'a Word 97-2003 (.doc) file or a password-protected Office document',
  },
  { signature: Buffer.from('{\\rtf', 'latin1'), description: 'an RTF document' },
  { signature: Buffer.from([0x89, 0x50, 0x4e, 0x47]), description: 'a PNG image' },
  { signature: Buffer.from([0xff, 0xd8, 0xff]), description: 'a JPEG image' },
  { signature: Buffer.from([0x49, 0x49, 0x2a, 0x00]), description: 'a TIFF image' },
  { signature: Buffer.from([0x4d, 0x4d, 0x00, 0x2a]), description: 'a TIFF image' },
  { signature: Buffer.from([0xff, 0xfe]), description: 'UTF-16 text (save it as UTF-8)' },
  { signature: Buffer.from([0xfe, 0xff]), description: 'UTF-16 text (save it as UTF-8)' },
];

/** Throws on malformed input instead of substituting U+FFFD; drops a leading byte order mark. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Tells the real format of a document from its leading bytes and, for text, from its encoding. */
export function sniffDocument(content: Buffer): SniffedDocument {
  if (startsWith(content, PDF_SIGNATURE)) {
    return { format: 'PDF' };
  }
  if (startsWith(content, ZIP_SIGNATURE)) {
    return content.includes(WORD_MAIN_PART_NAME)
      ? { format: 'DOCX' }
      : { format: 'UNSUPPORTED', description: 'a ZIP archive that is not a Word document' };
  }
  const recognised = RECOGNISED_OTHER_FORMATS.find(({ signature }) => startsWith(content, signature));
  if (recognised) {
    return { format: 'UNSUPPORTED', description: recognised.description };
  }
  if (content.includes(0)) {
    return { format: 'UNSUPPORTED', description: 'binary data' };
  }
  try {
    return { format: 'TEXT', text: strictUtf8.decode(content) };
  } catch {
    return { format: 'UNSUPPORTED', description: 'binary data or text that is not UTF-8' };
  }
}

function startsWith(content: Buffer, signature: Buffer): boolean {
  return content.length >= signature.length && content.subarray(0, signature.length).equals(signature);
}
