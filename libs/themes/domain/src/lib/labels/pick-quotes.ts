import { dot } from '../vectors/dense-vector';

/** A candidate quote with its centred unit vector. */
export interface QuoteCandidate {
  readonly id: string;
  readonly text: string;
  readonly vector: ArrayLike<number>;
}

/**
 * Representative quotes by maximal marginal relevance: each pick balances closeness to the
 * theme centroid (central) against similarity to quotes already picked (varied). Texts that
 * repeat one already picked are skipped.
 */
export function pickQuotes<T extends QuoteCandidate>(
  candidates: readonly T[],
  centroid: ArrayLike<number>,
  count: number,
  centrality = 0.7,
): T[] {
  const relevance = new Map(
    candidates.map((candidate) => [candidate.id, dot(candidate.vector, centroid)]),
  );
  const chosen: T[] = [];
  const remaining = [...candidates];
  const seenTexts = new Set<string>();
  while (chosen.length < count && remaining.length > 0) {
    let bestIndex = -1;
    let bestScore = -Infinity;
    remaining.forEach((candidate, index) => {
      if (seenTexts.has(candidate.text.trim().toLowerCase())) return;
      const redundancy = Math.max(0, ...chosen.map((c) => dot(c.vector, candidate.vector)));
      const score = centrality * (relevance.get(candidate.id) ?? 0) - (1 - centrality) * redundancy;
      if (score > bestScore) {
        bestScore = score;
        bestIndex = index;
      }
    });
    if (bestIndex < 0) break;
    const [picked] = remaining.splice(bestIndex, 1);
    seenTexts.add(picked.text.trim().toLowerCase());
    chosen.push(picked);
  }
  return chosen;
}
