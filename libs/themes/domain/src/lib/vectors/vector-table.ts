import { VECTOR_SCAN_WASM } from './vector-scan.wasm';

interface ScanExports {
  readonly memory: WebAssembly.Memory;
  scanAll(query: number, rows: number, dims: number, count: number, out: number): void;
  scanSlots(
    query: number,
    rows: number,
    dims: number,
    slots: number,
    count: number,
    out: number,
  ): void;
}

const PAGE = 65_536;
let compiled: WebAssembly.Module | undefined;

function scanModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(
    Uint8Array.from(atob(VECTOR_SCAN_WASM), (char) => char.charCodeAt(0)),
  );
  return compiled;
}

/**
 * Float vectors of one length in WebAssembly memory, scored against a query with SIMD dot
 * products (vector-scan.wat): about six times faster than a JavaScript loop over Float32Arrays,
 * which is what lets the theme engine score hundreds of centroids per item. Rows are reused
 * through a free list; the table grows by doubling.
 *
 * Memory layout: query | scores (capacity) | slot list (capacity) | rows (capacity x width).
 */
export class VectorTable {
  /** Floats per row: the dimensions rounded up to a multiple of 4 (SIMD lanes), zero-padded. */
  private readonly width: number;
  private readonly exports: ScanExports;
  private capacity = 0;
  private highWater = 0;
  private readonly free: number[] = [];
  private floats!: Float32Array;
  private ints!: Int32Array;
  private queryAt = 0;
  private scoresAt = 0;
  private slotsAt = 0;
  private rowsAt = 0;

  constructor(
    readonly dimensions: number,
    initialCapacity = 256,
  ) {
    this.width = Math.ceil(dimensions / 4) * 4;
    this.exports = new WebAssembly.Instance(scanModule()).exports as unknown as ScanExports;
    this.resize(Math.max(4, initialCapacity));
  }

  /** Rows ever used (scores from `scoreAll` cover rows 0 to this, freed ones included). */
  get rows(): number {
    return this.highWater;
  }

  /** A free row. */
  allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.highWater === this.capacity) this.resize(this.capacity * 2);
    return this.highWater++;
  }

  /** Gives a row back. */
  release(row: number): void {
    this.free.push(row);
  }

  /** Stores a vector in a row. */
  write(row: number, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions) {
      throw new Error(`A vector of ${vector.length} dimensions in a table of ${this.dimensions}`);
    }
    this.floats.set(vector, this.rowsAt / 4 + row * this.width);
  }

  /** Dot products of the query with every row below {@link rows}, as a view valid until the next call. */
  scoreAll(query: ArrayLike<number>): Float32Array {
    this.setQuery(query);
    this.exports.scanAll(this.queryAt, this.rowsAt, this.width, this.highWater, this.scoresAt);
    return this.floats.subarray(this.scoresAt / 4, this.scoresAt / 4 + this.highWater);
  }

  /** Dot products of the query with the given rows, in their order, as a view valid until the next call. */
  scoreRows(query: ArrayLike<number>, rows: readonly number[]): Float32Array {
    this.setQuery(query);
    const count = rows.length;
    if (count > this.capacity)
      throw new Error(`${count} rows asked of a table of ${this.capacity}`);
    const slots = this.slotsAt / 4;
    for (let i = 0; i < count; i++) this.ints[slots + i] = rows[i];
    this.exports.scanSlots(
      this.queryAt,
      this.rowsAt,
      this.width,
      this.slotsAt,
      count,
      this.scoresAt,
    );
    return this.floats.subarray(this.scoresAt / 4, this.scoresAt / 4 + count);
  }

  private setQuery(query: ArrayLike<number>): void {
    if (query.length !== this.dimensions) {
      throw new Error(`A query of ${query.length} dimensions for a table of ${this.dimensions}`);
    }
    this.floats.set(query, this.queryAt / 4);
  }

  /** Lays the memory out for `capacity` rows, keeping the rows written so far. */
  private resize(capacity: number): void {
    const rowBytes = this.width * 4;
    const queryAt = 0;
    const scoresAt = queryAt + rowBytes;
    const slotsAt = scoresAt + capacity * 4;
    const rowsAt = Math.ceil((slotsAt + capacity * 4) / 16) * 16;
    const needed = rowsAt + capacity * rowBytes;
    const memory = this.exports.memory;
    if (needed > memory.buffer.byteLength) {
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    }
    const bytes = new Uint8Array(memory.buffer);
    if (this.highWater > 0 && rowsAt !== this.rowsAt) {
      bytes.copyWithin(rowsAt, this.rowsAt, this.rowsAt + this.highWater * rowBytes);
    }
    this.capacity = capacity;
    this.queryAt = queryAt;
    this.scoresAt = scoresAt;
    this.slotsAt = slotsAt;
    this.rowsAt = rowsAt;
    this.floats = new Float32Array(memory.buffer);
    this.ints = new Int32Array(memory.buffer);
  }
}
