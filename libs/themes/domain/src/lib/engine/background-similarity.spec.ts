import { BackgroundSimilarity } from './background-similarity';
import { SeededRandom } from '../random/seeded-random';

describe('BackgroundSimilarity', () => {
  it('lets nothing join before it has seen enough', () => {
    const background = new BackgroundSimilarity();
    background.observe(0.1);
    expect(background.threshold()).toBe(1);
  });

  it('puts the threshold three robust deviations above the typical background', () => {
    const random = new SeededRandom(1);
    const background = new BackgroundSimilarity(10_000, 3);
    for (let i = 0; i < 5000; i++)
      background.observe((random.next() + random.next() + random.next() - 1.5) * 0.2);
    // Sum of three uniforms scaled by 0.2: mean 0, standard deviation 0.1.
    expect(background.threshold()).toBeGreaterThan(0.25);
    expect(background.threshold()).toBeLessThan(0.35);
  });

  it('is not dragged up by a minority of near duplicates', () => {
    const random = new SeededRandom(2);
    const clean = new BackgroundSimilarity(10_000, 3);
    const contaminated = new BackgroundSimilarity(10_000, 3);
    for (let i = 0; i < 3000; i++) {
      const value = (random.next() - 0.5) * 0.3;
      clean.observe(value);
      contaminated.observe(i % 5 === 0 ? 0.9 : value);
    }
    // One in five "others" at 0.9: mean + 3 sd would put the cut above 1 (nothing could join);
    // the median and MAD move it by a fraction of the clean spread.
    expect(contaminated.threshold() - clean.threshold()).toBeLessThan(0.15);
    expect(contaminated.threshold()).toBeLessThan(0.6);
  });

  it('survives a JSON round trip', () => {
    const background = new BackgroundSimilarity();
    for (let i = 0; i < 50; i++) background.observe(i / 100);
    const copy = BackgroundSimilarity.fromJSON(JSON.parse(JSON.stringify(background.toJSON())));
    expect(copy.threshold()).toBe(background.threshold());
  });
});
