import { contingencyTable } from './contingency-table';

const pairs = (n: number): number => (n * (n - 1)) / 2;

/** Adjusted Rand index (Hubert & Arabie): 1 for identical partitions, about 0 for random ones. */
export function adjustedRandIndex(clusters: readonly string[], labels: readonly string[]): number {
  const table = contingencyTable(clusters, labels);
  const n = table.total;
  if (n < 2) return 1;
  let index = 0;
  for (const row of table.counts) for (const count of row) index += pairs(count);
  const clusterPairs = table.clusterTotals.reduce((sum, count) => sum + pairs(count), 0);
  const labelPairs = table.labelTotals.reduce((sum, count) => sum + pairs(count), 0);
  const expected = (clusterPairs * labelPairs) / pairs(n);
  const maximum = (clusterPairs + labelPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
