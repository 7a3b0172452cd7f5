import { SeededRandom } from '../random/seeded-random';
import { dot } from '../vectors/dense-vector';

/** A theme id with its cosine to the query. */
export interface IndexHit {
  readonly id: string;
  readonly similarity: number;
}

interface Entry {
  centroid: Float32Array;
  /** Index of the cell holding it, or -1 while cells are not built. */
  cell: number;
}

interface Cell {
  centre: Float32Array;
  readonly members: Set<string>;
}

/**
 * Finds the themes whose centroids are closest to a unit vector. Up to `exhaustiveLimit` themes
 * every centroid is scored (exact). Beyond, an inverted-file index: centroids are grouped into
 * about sqrt(n) cells by spherical k-means, a query scores the cell centres and then only the
 * themes of its `probes` best cells, so the cost grows with sqrt(n), not n. Cells are rebuilt
 * when the number of themes has doubled or halved since the last build.
 */
export class CentroidIndex {
  private readonly entries = new Map<string, Entry>();
  private cells: Cell[] = [];
  private builtFor = 0;

  constructor(
    private readonly exhaustiveLimit = 200,
    private readonly probes = 4,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Adds a theme or updates its centroid (it keeps its cell until {@link rehome}). */
  upsert(id: string, centroid: Float32Array): void {
    const entry = this.entries.get(id);
    if (entry) {
      entry.centroid = centroid;
      return;
    }
    const created: Entry = { centroid, cell: -1 };
    this.entries.set(id, created);
    if (this.cells.length > 0) this.place(id, created);
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.cell >= 0) this.cells[entry.cell]?.members.delete(id);
    this.entries.delete(id);
  }

  /** Moves themes whose centroids changed to their nearest cell; rebuilds cells when due. */
  rehome(ids: Iterable<string>, random: SeededRandom): void {
    const n = this.entries.size;
    if (n <= this.exhaustiveLimit) {
      this.cells = [];
      this.builtFor = 0;
      return;
    }
    if (this.cells.length === 0 || n >= 2 * this.builtFor || 2 * n <= this.builtFor) {
      this.rebuild(random);
      return;
    }
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      if (entry.cell >= 0) this.cells[entry.cell].members.delete(id);
      this.place(id, entry);
    }
  }

  /** The `limit` closest themes to a unit vector, best first. */
  nearest(vector: ArrayLike<number>, limit: number, exclude?: (id: string) => boolean): IndexHit[] {
    const hits: IndexHit[] = [];
    const consider = (id: string, entry: Entry): void => {
      if (exclude?.(id)) return;
      const similarity = dot(vector, entry.centroid);
      if (hits.length < limit) {
        hits.push({ id, similarity });
        hits.sort((a, b) => b.similarity - a.similarity);
      } else if (similarity > hits[hits.length - 1].similarity) {
        hits[hits.length - 1] = { id, similarity };
        hits.sort((a, b) => b.similarity - a.similarity);
      }
    };
    if (this.cells.length === 0) {
      for (const [id, entry] of this.entries) consider(id, entry);
      return hits;
    }
    const ranked = this.cells
      .map((cell, index) => ({ index, similarity: dot(vector, cell.centre) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, this.probes);
    for (const { index } of ranked) {
      for (const id of this.cells[index].members) {
        const entry = this.entries.get(id);
        if (entry) consider(id, entry);
      }
    }
    return hits;
  }

  private place(id: string, entry: Entry): void {
    let best = 0;
    let bestSimilarity = -Infinity;
    this.cells.forEach((cell, index) => {
      const similarity = dot(entry.centroid, cell.centre);
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        best = index;
      }
    });
    entry.cell = best;
    this.cells[best].members.add(id);
  }

  /** Spherical k-means over the centroids, k = ceil(sqrt(n)), a few rounds from random seeds. */
  private rebuild(random: SeededRandom, rounds = 4): void {
    const ids = [...this.entries.keys()];
    const k = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
    const picked = new Set<number>();
    while (picked.size < k) picked.add(random.nextInt(ids.length));
    let centres = [...picked].map((index) =>
      Float32Array.from(this.entries.get(ids[index])?.centroid ?? []),
    );
    const assignment = new Int32Array(ids.length);
    for (let round = 0; round < rounds; round++) {
      ids.forEach((id, index) => {
        const centroid = this.entries.get(id)?.centroid as Float32Array;
        let best = 0;
        let bestSimilarity = -Infinity;
        centres.forEach((centre, c) => {
          const similarity = dot(centroid, centre);
          if (similarity > bestSimilarity) {
            bestSimilarity = similarity;
            best = c;
          }
        });
        assignment[index] = best;
      });
      const sums = centres.map((centre) => new Float64Array(centre.length));
      ids.forEach((id, index) => {
        const centroid = this.entries.get(id)?.centroid as Float32Array;
        const sum = sums[assignment[index]];
        for (let d = 0; d < sum.length; d++) sum[d] += centroid[d];
      });
      centres = sums.map((sum, c) => {
        let squares = 0;
        for (let d = 0; d < sum.length; d++) squares += sum[d] * sum[d];
        if (squares === 0) return centres[c];
        const scale = 1 / Math.sqrt(squares);
        return Float32Array.from(sum, (value) => value * scale);
      });
    }
    this.cells = centres.map((centre) => ({ centre, members: new Set<string>() }));
    ids.forEach((id, index) => {
      const entry = this.entries.get(id) as Entry;
      entry.cell = assignment[index];
      this.cells[entry.cell].members.add(id);
    });
    this.builtFor = ids.length;
  }
}
