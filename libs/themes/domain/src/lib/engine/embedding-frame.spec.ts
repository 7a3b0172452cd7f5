import { dot } from '../vectors/dense-vector';
import { EmbeddingFrame } from './embedding-frame';

describe('EmbeddingFrame', () => {
  it('centres embeddings on the stream mean once refreshed, so a shared direction disappears', () => {
    const frame = new EmbeddingFrame();
    const a = Float32Array.from([1, 1, 0]);
    const b = Float32Array.from([1, 0, 1]);
    for (let i = 0; i < 4; i++) {
      frame.observe(a);
      frame.observe(b);
    }
    expect(dot(frame.centre(a), frame.centre(b))).toBeGreaterThan(0.4);
    frame.refresh();
    expect(dot(frame.centre(a), frame.centre(b))).toBeCloseTo(-1, 5);
  });

  it('asks for warm-up refreshes at 32, 64, 128 and 256 items only', () => {
    const frame = new EmbeddingFrame();
    const due: number[] = [];
    for (let i = 1; i <= 600; i++) {
      frame.observe([i % 3, 1]);
      if (frame.dueForWarmUpRefresh()) due.push(i);
    }
    expect(due).toEqual([32, 64, 128, 256]);
  });

  it('refuses an embedding of another length', () => {
    const frame = new EmbeddingFrame();
    frame.observe([1, 0]);
    expect(() => frame.observe([1, 0, 0])).toThrow(/3 dimensions; this theme space uses 2/);
  });
});
