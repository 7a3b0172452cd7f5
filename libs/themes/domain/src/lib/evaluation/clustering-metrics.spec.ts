import { adjustedRandIndex } from './adjusted-rand-index';
import { matchedAccuracy } from './matched-accuracy';
import { normalizedMutualInformation } from './normalized-mutual-information';

describe('clustering metrics', () => {
  const labels = ['a', 'a', 'a', 'b', 'b', 'b'];

  it('score identical partitions (up to renaming) as perfect', () => {
    const clusters = ['x', 'x', 'x', 'y', 'y', 'y'];
    expect(normalizedMutualInformation(clusters, labels)).toBeCloseTo(1, 10);
    expect(adjustedRandIndex(clusters, labels)).toBeCloseTo(1, 10);
    expect(matchedAccuracy(clusters, labels)).toBe(1);
  });

  it('match scikit-learn on a known example', () => {
    // sklearn: normalized_mutual_info_score / adjusted_rand_score of these two lists.
    const truth = ['0', '0', '0', '1', '1', '1'];
    const predicted = ['0', '0', '1', '1', '2', '2'];
    expect(normalizedMutualInformation(predicted, truth)).toBeCloseTo(0.5158, 3);
    expect(adjustedRandIndex(predicted, truth)).toBeCloseTo(0.2424, 3);
  });

  it('use a one-to-one matching for accuracy (Hungarian)', () => {
    const clusters = ['x', 'x', 'y', 'y', 'z', 'z'];
    expect(matchedAccuracy(clusters, ['a', 'a', 'a', 'b', 'b', 'b'])).toBeCloseTo(4 / 6, 10);
  });

  it('never match the noise bucket', () => {
    const clusters = ['noise', 'noise', 'noise', 'y', 'y', 'y'];
    expect(matchedAccuracy(clusters, labels, new Set(['noise']))).toBeCloseTo(0.5, 10);
  });

  it('score an uninformative clustering near zero', () => {
    expect(adjustedRandIndex(['x', 'y', 'x', 'y', 'x', 'y'], labels)).toBeLessThan(0.1);
    expect(normalizedMutualInformation(['x', 'x', 'x', 'x', 'x', 'x'], labels)).toBe(0);
  });
});
