import { munkres } from 'munkres';
import { contingencyTable } from './contingency-table';

/**
 * Share of items whose cluster is matched to their label under the best one-to-one matching
 * of clusters to labels (Hungarian algorithm). Clusters left unmatched count as wrong.
 * Clusters named in `unmatchable` (e.g. a noise bucket) are never matched.
 */
export function matchedAccuracy(
  clusters: readonly string[],
  labels: readonly string[],
  unmatchable: ReadonlySet<string> = new Set(),
): number {
  const table = contingencyTable(clusters, labels);
  if (table.total === 0) return 0;
  const costs = table.counts.map((row, c) =>
    row.map((count) => (unmatchable.has(table.clusters[c]) ? 0 : -count)),
  );
  const pairs = munkres(costs);
  let matched = 0;
  for (const [c, l] of pairs) {
    if (!unmatchable.has(table.clusters[c])) matched += table.counts[c][l];
  }
  return matched / table.total;
}
