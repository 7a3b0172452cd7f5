import { dot } from './dense-vector';
import { dequantise, quantise, quantisedFromBytes, quantisedToBytes } from './quantised-vector';

describe('quantised vectors', () => {
  const vector = Float32Array.from({ length: 384 }, (_, i) => Math.sin(i * 0.37) / 14);

  it('round-trip through bytes and keep cosines to the second decimal', () => {
    const bytes = quantisedToBytes(quantise(vector));
    expect(bytes.length).toBe(4 + 384);
    const back = dequantise(quantisedFromBytes(bytes));
    const cosine = dot(back, vector) / Math.sqrt(dot(back, back) * dot(vector, vector));
    expect(cosine).toBeGreaterThan(0.9999);
  });

  it('refuse bytes too short to hold a vector', () => {
    expect(() => quantisedFromBytes(new Uint8Array(3))).toThrow(/at least 5 bytes/);
  });

  it('quantise the zero vector without dividing by zero', () => {
    expect([...dequantise(quantise(new Float32Array(4)))]).toEqual([0, 0, 0, 0]);
  });
});
