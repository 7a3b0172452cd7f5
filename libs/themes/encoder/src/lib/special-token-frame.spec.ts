import { frameTokenIds, specialTokenFrameOf } from './special-token-frame';

const CLS = 101;
const SEP = 102;

describe('specialTokenFrameOf', () => {
  it('finds [CLS] before and [SEP] after a BERT sequence', () => {
    expect(specialTokenFrameOf([CLS, 7, 8, SEP], [7, 8])).toEqual({ prefix: [CLS], suffix: [SEP] });
  });

  it('handles tokenizers that add nothing, or only a suffix', () => {
    expect(specialTokenFrameOf([7, 8], [7, 8])).toEqual({ prefix: [], suffix: [] });
    expect(specialTokenFrameOf([7, 8, 2], [7, 8])).toEqual({ prefix: [], suffix: [2] });
  });

  it('refuses samples it cannot line up', () => {
    expect(() => specialTokenFrameOf([CLS, SEP], [])).toThrow('no tokens');
    expect(() => specialTokenFrameOf([CLS, 7, 9, SEP], [7, 8])).toThrow('not a contiguous part');
  });
});

describe('frameTokenIds', () => {
  const frame = { prefix: [CLS], suffix: [SEP] };

  it('wraps short content in the special tokens', () => {
    expect(frameTokenIds([7, 8, 9], frame, 256)).toEqual([CLS, 7, 8, 9, SEP]);
  });

  it('truncates long content from the end and keeps [CLS] and [SEP]', () => {
    const content = Array.from({ length: 1000 }, (_, i) => 1000 + i);
    const ids = frameTokenIds(content, frame, 256);
    expect(ids).toHaveLength(256);
    expect(ids[0]).toBe(CLS);
    expect(ids[255]).toBe(SEP);
    expect(ids.slice(1, 255)).toEqual(content.slice(0, 254));
  });

  it('keeps content that exactly fits', () => {
    expect(frameTokenIds([7, 8], frame, 4)).toEqual([CLS, 7, 8, SEP]);
    expect(frameTokenIds([7, 8, 9], frame, 4)).toEqual([CLS, 7, 8, SEP]);
  });

  it('refuses a limit that leaves no room for text', () => {
    expect(() => frameTokenIds([7], frame, 2)).toThrow('leaves no room');
  });
});
