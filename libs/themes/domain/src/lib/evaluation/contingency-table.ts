/** Counts of (cluster, label) pairs with their marginals. */
export interface ContingencyTable {
  readonly clusters: string[];
  readonly labels: string[];
  /** counts[cluster][label] */
  readonly counts: number[][];
  readonly clusterTotals: number[];
  readonly labelTotals: number[];
  readonly total: number;
}

/** Builds the contingency table of a clustering against reference labels (same length). */
export function contingencyTable(
  clusters: readonly string[],
  labels: readonly string[],
): ContingencyTable {
  if (clusters.length !== labels.length) throw new Error('clusters and labels differ in length');
  const clusterIds = [...new Set(clusters)];
  const labelIds = [...new Set(labels)];
  const clusterIndex = new Map(clusterIds.map((id, index) => [id, index]));
  const labelIndex = new Map(labelIds.map((id, index) => [id, index]));
  const counts = clusterIds.map(() => new Array<number>(labelIds.length).fill(0));
  const clusterTotals = new Array<number>(clusterIds.length).fill(0);
  const labelTotals = new Array<number>(labelIds.length).fill(0);
  clusters.forEach((cluster, i) => {
    const c = clusterIndex.get(cluster) ?? 0;
    const l = labelIndex.get(labels[i]) ?? 0;
    counts[c][l]++;
    clusterTotals[c]++;
    labelTotals[l]++;
  });
  return {
    clusters: clusterIds,
    labels: labelIds,
    counts,
    clusterTotals,
    labelTotals,
    total: clusters.length,
  };
}
