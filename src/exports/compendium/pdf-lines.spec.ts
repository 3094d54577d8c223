import { FontFace, fontRuns, layOutParagraph, tokenDirections, tokenPieces } from './pdf-lines';

const latin: FontFace = { name: 'latin', file: 'latin.woff', ranges: [[0x20, 0x7e]] };
const chinese: FontFace = { name: 'chinese', file: 'sc.woff', ranges: [[0x4e00, 0x9fff]] };
const arabic: FontFace = { name: 'arabic', file: 'arabic.woff', ranges: [[0x0600, 0x06ff]] };
const faces = [latin, chinese, arabic];
/** Every character one unit wide, a space too. */
const measure = (text: string) => [...text].length;

const visualWords = (paragraph: string, width = 1000) =>
  layOutParagraph(paragraph, faces, width, measure).lines.map((line) => line.pieces.map((piece) => piece.text));

describe('font runs of the PDF', () => {
  it('sets each run in the face that holds its characters, keeping spaces with the run before', () => {
    expect(fontRuns('Need 国家 report', faces).map((run) => [run.face.name, run.text])).toEqual([
      ['latin', 'Need '],
      ['chinese', '国家 '],
      ['latin', 'report'],
    ]);
  });

  it('leaves a character no face holds with the run before it', () => {
    expect(fontRuns('ab€', faces).map((run) => run.text)).toEqual(['ab€']);
  });
});

describe('lines with right-to-left words', () => {
  it('reads an Arabic paragraph from the right: its first word rightmost, a number with the Arabic before it, Latin words in their own order', () => {
    expect(visualWords('تدريب الجمارك 2025 على ITI PoA')).toEqual([['ITI', 'PoA', 'على', '2025', 'الجمارك', 'تدريب']]);
  });

  it('keeps a Latin paragraph left to right, with its Arabic words in their order from the right', () => {
    expect(visualWords('Training تدريب الجمارك for customs')).toEqual([['Training', 'الجمارك', 'تدريب', 'for', 'customs']]);
    expect(visualWords('Project تدريب 2025')).toEqual([['Project', '2025', 'تدريب']]);
  });

  it('fills an Arabic paragraph’s lines in reading order and sets each from the right', () => {
    const { direction, lines } = layOutParagraph('أ ب ت ث', faces, 3, measure);
    expect(direction).toBe('rtl');
    expect(lines.map((line) => line.pieces.map((piece) => [piece.text, piece.x]))).toEqual([
      [
        ['ب', 0],
        ['أ', 2],
      ],
      [
        ['ث', 0],
        ['ت', 2],
      ],
    ]);
    expect(lines.map((line) => line.width)).toEqual([3, 3]);
  });

  it('cuts a word wider than the line where lines end, as Chinese, written without spaces, needs', () => {
    expect(visualWords('ab abcdefghij c', 4)).toEqual([['ab', 'a'], ['bcde'], ['fghi'], ['j', 'c']]);
    expect(visualWords('الفقرة 国家武器库存管理培训', 8)).toEqual([['国', 'الفقرة'], ['家武器库存管理培'], ['训']]);
  });

  it('sets the punctuation at a word’s ends apart: a comma after a Latin acronym in Arabic text stands on its left', () => {
    expect(visualWords('وفق ITI، وشراء')).toEqual([['وشراء', '،', 'ITI', 'وفق']]);
    expect(visualWords('Training تدريب, customs')).toEqual([['Training', 'تدريب', ',', 'customs']]);
  });

  it('puts the full stop of a Latin sentence in Arabic text at the left of the whole sentence, with the spaces where they were', () => {
    const [line] = layOutParagraph('الفقرة: Training points.', faces, 1000, measure).lines;
    expect(line.pieces.map((piece) => [piece.text, piece.x])).toEqual([
      ['.', 0],
      ['Training', 1],
      ['points', 10],
      [':', 17],
      ['الفقرة', 18],
    ]);
  });

  it('mirrors the brackets in Arabic text', () => {
    expect(visualWords('تدريب (ITI) الجمارك')).toEqual([['الجمارك', '(', 'ITI', ')', 'تدريب']]);
    expect(visualWords('الحدودية (2025)')).toEqual([['(', '2025', ')', 'الحدودية']]);
    expect(tokenPieces('(', 'rtl', faces).map((piece) => piece.text)).toEqual([')']);
  });

  it('keeps Arabic words in brackets inside English text inside their brackets', () => {
    expect(visualWords('Mixed: اللغة العربية (نحو وصرف) and English.')).toEqual([
      ['Mixed', ':', '(', 'وصرف', 'نحو', ')', 'العربية', 'اللغة', 'and', 'English', '.'],
    ]);
    expect(visualWords('Training (ITI) for customs')).toEqual([['Training', '(', 'ITI', ')', 'for', 'customs']]);
  });

  it('reads the direction marks Intl puts in amounts, without drawing them, and keeps a currency with its code', () => {
    expect(visualWords('الميزانية: \u200f120,000 US$')).toEqual([['US$', '120,000', ':', 'الميزانية']]);
  });

  it('hands Arabic-Indic digits over reversed, as fontkit turns them with the Arabic script', () => {
    expect(tokenPieces('٢٠٢٥', 'rtl', faces).map((piece) => piece.text)).toEqual(['٥٢٠٢']);
    expect(tokenPieces('١٢٠٬٠٠٠', 'rtl', faces).map((piece) => piece.text)).toEqual(['٠٠٠٬٠٢١']);
  });

  it('gives punctuation the direction of the words on both sides, or else the paragraph’s', () => {
    expect(tokenDirections(['Project', '-', 'تدريب'], 'ltr')).toEqual(['ltr', 'ltr', 'rtl']);
    expect(tokenDirections(['Project', '-', 'تدريب'], 'rtl')).toEqual(['ltr', 'rtl', 'rtl']);
    expect(tokenDirections(['تدريب', '-', 'الجمارك'], 'ltr')).toEqual(['rtl', 'rtl', 'rtl']);
  });
});
