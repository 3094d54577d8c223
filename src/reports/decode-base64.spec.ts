import { decodeBase64Strictly } from './decode-base64';

describe('decodeBase64Strictly', () => {
  it('decodes standard base64, with or without padding and line breaks', () => {
    expect(decodeBase64Strictly(Buffer.from('需要培训').toString('base64'))?.toString()).toBe('需要培训');
    expect(decodeBase64Strictly('aGVs\r\nbG8=')?.toString()).toBe('hello');
    expect(decodeBase64Strictly('aGk=')?.toString()).toBe('hi');
    expect(decodeBase64Strictly('')?.length).toBe(0);
  });

  it.each([
    ['a character outside the alphabet', 'aGVsbG8*'],
    ['base64url characters', 'a-_b'],
    ['a length that is not a multiple of four', 'aGVsbG8'],
    ['padding in the middle', 'aG=sbG8='],
    ['three padding characters', 'aG==='],
    ['plain words', 'not base64 at all'],
  ])('refuses %s', (_label, encoded) => {
    expect(decodeBase64Strictly(encoded)).toBeNull();
  });
});
