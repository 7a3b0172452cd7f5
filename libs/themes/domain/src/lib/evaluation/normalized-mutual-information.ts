import { contingencyTable } from './contingency-table';

function entropy(totals: readonly number[], n: number): number {
  return totals.reduce(
    (sum, count) => (count === 0 ? sum : sum - (count / n) * Math.log(count / n)),
    0,
  );
}

/**
 * Normalised mutual information with arithmetic-mean normalisation (scikit-learn's default):
 * NMI = I(C; L) / ((H(C) + H(L)) / 2). 1 for identical partitions, 0 for independent ones.
 */
export function normalizedMutualInformation(
  clusters: readonly string[],
  labels: readonly string[],
): number {
  const table = contingencyTable(clusters, labels);
  const n = table.total;
  if (n === 0) return 0;
  const hClusters = entropy(table.clusterTotals, n);
  const hLabels = entropy(table.labelTotals, n);
  if (hClusters === 0 && hLabels === 0) return 1;
  let mutual = 0;
  table.counts.forEach((row, c) =>
    row.forEach((count, l) => {
      if (count === 0) return;
      mutual +=
        (count / n) * Math.log((n * count) / (table.clusterTotals[c] * table.labelTotals[l]));
    }),
  );
  const denominator = (hClusters + hLabels) / 2;
  return denominator === 0 ? 0 : Math.max(0, mutual / denominator);
}
