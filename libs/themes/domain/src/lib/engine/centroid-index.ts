import { SeededRandom } from '../random/seeded-random';
import { dot } from '../vectors/dense-vector';
import { VectorTable } from '../vectors/vector-table';

/** A theme id with its cosine to the query. */
export interface IndexHit {
  readonly id: string;
  readonly similarity: number;
}

interface Entry {
  readonly id: string;
  centroid: Float32Array;
  /** Its row in the table of centroids. */
  readonly row: number;
  /** Index of the cell holding it, or -1 while cells are not built. */
  cell: number;
  /** Its position in that cell's member list. */
  position: number;
}

interface Cell {
  centre: Float32Array;
  /** Entries in no particular order. */
  readonly members: Entry[];
}

/** The index is rebuilt when the number of themes has grown or shrunk by this factor. */
const REBUILD_FACTOR = 1.5;
/** Cell centres are trained on at most this many centroids per cell. */
const TRAINING_PER_CELL = 20;

/**
 * Finds the themes whose centroids are closest to a unit vector. Centroids live in a
 * {@link VectorTable}, scored with SIMD dot products. Up to `exhaustiveLimit` themes every
 * centroid is scored (exact). Beyond, an inverted-file index: centroids are grouped into
 * k = sqrt(2n) cells by spherical k-means, and a query scores the cell centres, then only the
 * themes of its best `probes` cells: about 2 sqrt(2n) cosines instead of n, so the cost grows
 * with the square root of the number of themes. Cells are rebuilt when the number of themes has
 * changed by half since the last build.
 */
export class CentroidIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly byRow: Array<Entry | undefined> = [];
  private table: VectorTable | undefined;
  private cells: Cell[] = [];
  private centres: VectorTable | undefined;
  private builtFor = 0;

  constructor(
    private readonly exhaustiveLimit = 200,
    private readonly probes = 2,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Adds a theme or updates its centroid (it keeps its cell until {@link rehome}). */
  upsert(id: string, centroid: Float32Array): void {
    const table = (this.table ??= new VectorTable(centroid.length));
    const entry = this.entries.get(id);
    if (entry) {
      entry.centroid = centroid;
      table.write(entry.row, centroid);
      return;
    }
    const created: Entry = { id, centroid, row: table.allocate(), cell: -1, position: -1 };
    table.write(created.row, centroid);
    this.byRow[created.row] = created;
    this.entries.set(id, created);
    if (this.cells.length > 0) this.place(created);
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.leaveCell(entry);
    this.entries.delete(id);
    this.byRow[entry.row] = undefined;
    this.table?.release(entry.row);
  }

  /** Moves themes whose centroids changed to their nearest cell; rebuilds cells when due. */
  rehome(ids: Iterable<string>, random: SeededRandom): void {
    const n = this.entries.size;
    if (n <= this.exhaustiveLimit) {
      this.cells = [];
      this.centres = undefined;
      this.builtFor = 0;
      for (const entry of this.entries.values()) {
        entry.cell = -1;
        entry.position = -1;
      }
      return;
    }
    if (
      this.cells.length === 0 ||
      n >= REBUILD_FACTOR * this.builtFor ||
      REBUILD_FACTOR * n <= this.builtFor
    ) {
      this.rebuild(random);
      return;
    }
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.leaveCell(entry);
      this.place(entry);
    }
  }

  /**
   * The `limit` closest themes to a unit vector, best first, looking into the best `probes` cells
   * (fewer for a cheaper, rougher search).
   */
  nearest(
    vector: ArrayLike<number>,
    limit: number,
    exclude?: (id: string) => boolean,
    probes = this.probes,
  ): IndexHit[] {
    const table = this.table;
    if (!table || this.entries.size === 0) return [];
    const hits: IndexHit[] = [];
    const consider = (entry: Entry | undefined, similarity: number): void => {
      if (!entry || exclude?.(entry.id)) return;
      if (hits.length < limit) {
        hits.push({ id: entry.id, similarity });
        hits.sort((a, b) => b.similarity - a.similarity);
      } else if (similarity > hits[hits.length - 1].similarity) {
        hits[hits.length - 1] = { id: entry.id, similarity };
        hits.sort((a, b) => b.similarity - a.similarity);
      }
    };
    if (this.cells.length === 0 || !this.centres) {
      const scores = table.scoreAll(vector);
      for (let row = 0; row < scores.length; row++) consider(this.byRow[row], scores[row]);
      return hits;
    }
    const cellScores = this.centres.scoreAll(vector);
    const ranked = Array.from(cellScores, (similarity, index) => ({ index, similarity }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, probes);
    const members = ranked.flatMap(({ index }) => this.cells[index].members);
    const scores = table.scoreRows(
      vector,
      members.map((entry) => entry.row),
    );
    members.forEach((entry, i) => consider(entry, scores[i]));
    return hits;
  }

  private place(entry: Entry): void {
    entry.cell = bestRow(this.centres?.scoreAll(entry.centroid) ?? new Float32Array(1));
    const members = this.cells[entry.cell].members;
    entry.position = members.length;
    members.push(entry);
  }

  private leaveCell(entry: Entry): void {
    if (entry.cell < 0) return;
    const members = this.cells[entry.cell]?.members;
    if (members) {
      const last = members.pop() as Entry;
      if (last !== entry) {
        members[entry.position] = last;
        last.position = entry.position;
      }
    }
    entry.cell = -1;
    entry.position = -1;
  }

  /**
   * Spherical k-means for the cell centres, k = ceil(sqrt(2n)), trained for a few rounds on a
   * sample of the centroids; then every centroid is filed in its nearest cell.
   */
  private rebuild(random: SeededRandom, rounds = 3): void {
    const ids = [...this.entries.keys()];
    const k = Math.max(1, Math.ceil(Math.sqrt(2 * ids.length)));
    const training = sampleOf(ids, k * TRAINING_PER_CELL, random).map(
      (id) => (this.entries.get(id) as Entry).centroid,
    );
    let centres = sampleOf(training, k, random).map((centroid) => Float32Array.from(centroid));
    for (let round = 0; round < rounds; round++) {
      const sums = centres.map((centre) => new Float64Array(centre.length));
      for (const centroid of training) {
        const sum = sums[nearestCentre(centroid, centres)];
        for (let d = 0; d < sum.length; d++) sum[d] += centroid[d];
      }
      centres = sums.map((sum, c) => {
        let squares = 0;
        for (let d = 0; d < sum.length; d++) squares += sum[d] * sum[d];
        if (squares === 0) return centres[c];
        const scale = 1 / Math.sqrt(squares);
        return Float32Array.from(sum, (value) => value * scale);
      });
    }
    this.cells = centres.map((centre) => ({ centre, members: [] as Entry[] }));
    const table = new VectorTable(centres[0].length, centres.length);
    for (const centre of centres) table.write(table.allocate(), centre);
    this.centres = table;
    for (const entry of this.entries.values()) {
      entry.cell = bestRow(table.scoreAll(entry.centroid));
      entry.position = this.cells[entry.cell].members.length;
      this.cells[entry.cell].members.push(entry);
    }
    this.builtFor = ids.length;
  }
}

/** The row with the highest score. */
function bestRow(scores: Float32Array): number {
  let best = 0;
  for (let row = 1; row < scores.length; row++) if (scores[row] > scores[best]) best = row;
  return best;
}

function nearestCentre(vector: ArrayLike<number>, centres: readonly Float32Array[]): number {
  let best = 0;
  let bestSimilarity = -Infinity;
  for (let c = 0; c < centres.length; c++) {
    const similarity = dot(vector, centres[c]);
    if (similarity > bestSimilarity) {
      bestSimilarity = similarity;
      best = c;
    }
  }
  return best;
}

/** Up to `count` distinct elements drawn at random (all of them when there are fewer). */
function sampleOf<T>(items: readonly T[], count: number, random: SeededRandom): T[] {
  if (items.length <= count) return [...items];
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + random.nextInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}
