import { meanPool } from './mean-pool';

describe('meanPool', () => {
  // 3 tokens x 2 dimensions, row-major: token 0 = [1, 2], token 1 = [3, 4], token 2 = [100, -100].
  const tokens = Float32Array.from([1, 2, 3, 4, 100, -100]);

  it('averages the tokens the attention mask selects', () => {
    expect(Array.from(meanPool(tokens, [1, 1, 1], 2))).toEqual([104 / 3, -94 / 3].map(Math.fround));
    expect(Array.from(meanPool(tokens, [1, 1, 0], 2))).toEqual([2, 3]);
  });

  it('takes an int64 (bigint) attention mask', () => {
    expect(Array.from(meanPool(tokens, BigInt64Array.from([0n, 1n, 0n]), 2))).toEqual([3, 4]);
  });

  it('rejects a tensor whose size does not match the mask and the dimensions', () => {
    expect(() => meanPool(tokens, [1, 1], 2)).toThrow(
      'expected 2 tokens x 2 dimensions = 4 values, got 6',
    );
    expect(() => meanPool(tokens, [1, 1, 1], 0)).toThrow('dimensions must be a positive integer');
  });

  it('rejects a mask that selects nothing', () => {
    expect(() => meanPool(tokens, [0, 0, 0], 2)).toThrow('selects no token');
  });
});
