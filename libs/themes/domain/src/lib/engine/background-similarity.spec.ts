import { BackgroundSimilarity, NEAR_IDENTICAL } from './background-similarity';
import { SeededRandom } from '../random/seeded-random';

describe('BackgroundSimilarity', () => {
  it('lets only near-identical texts join before it has seen enough', () => {
    const background = new BackgroundSimilarity();
    for (let i = 0; i < 7; i++) background.observe(0.1);
    expect(background.threshold(3)).toBe(NEAR_IDENTICAL);
  });

  it('puts the threshold three robust deviations above the typical background', () => {
    const random = new SeededRandom(1);
    const background = new BackgroundSimilarity(10_000);
    for (let i = 0; i < 5000; i++)
      background.observe((random.next() + random.next() + random.next() - 1.5) * 0.2);
    // Sum of three uniforms scaled by 0.2: mean 0, standard deviation 0.1.
    expect(background.threshold(3)).toBeGreaterThan(0.25);
    expect(background.threshold(3)).toBeLessThan(0.35);
  });

  it('is not dragged up by a minority of near duplicates', () => {
    const random = new SeededRandom(2);
    const clean = new BackgroundSimilarity(10_000);
    const contaminated = new BackgroundSimilarity(10_000);
    for (let i = 0; i < 3000; i++) {
      const value = (random.next() - 0.5) * 0.3;
      clean.observe(value);
      contaminated.observe(i % 5 === 0 ? 0.9 : value);
    }
    // One in five "others" at 0.9: mean + 3 sd would put the cut above 1 (nothing could join);
    // the median and MAD move it by a fraction of the clean spread.
    expect(contaminated.threshold(3) - clean.threshold(3)).toBeLessThan(0.15);
    expect(contaminated.threshold(3)).toBeLessThan(0.6);
  });

  it('never trusts a spread tighter than the floor it is given', () => {
    const background = new BackgroundSimilarity();
    for (let i = 0; i < 100; i++) background.observe(0.01 * (i % 2));
    expect(background.threshold(3, 0.05)).toBeGreaterThanOrEqual(0.15);
  });

  it('survives a JSON round trip', () => {
    const background = new BackgroundSimilarity();
    for (let i = 0; i < 50; i++) background.observe(i / 100);
    const copy = BackgroundSimilarity.fromJSON(JSON.parse(JSON.stringify(background.toJSON())));
    expect(copy.threshold(3)).toBe(background.threshold(3));
  });
});
