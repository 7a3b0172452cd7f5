import { l2Normalise } from './l2-normalise';

describe('l2Normalise', () => {
  it('scales a vector to unit length and keeps its direction', () => {
    const unit = l2Normalise([3, 0, -4]);
    expect(unit).toBeInstanceOf(Float32Array);
    expect(Array.from(unit)).toEqual([0.6, 0, -0.8].map(Math.fround));
  });

  it('leaves its input alone', () => {
    const input = Float32Array.from([0, 2]);
    l2Normalise(input);
    expect(Array.from(input)).toEqual([0, 2]);
  });

  it('refuses the zero vector and non-finite values', () => {
    expect(() => l2Normalise([0, 0])).toThrow('cannot normalise');
    expect(() => l2Normalise([Number.NaN, 1])).toThrow('cannot normalise');
    expect(() => l2Normalise([Number.POSITIVE_INFINITY, 1])).toThrow('cannot normalise');
  });
});
