import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wabt from 'wabt';
import { SeededRandom } from '../random/seeded-random';
import { dot } from './dense-vector';
import { VECTOR_SCAN_WASM } from './vector-scan.wasm';
import { VectorTable } from './vector-table';

function randomVector(random: SeededRandom, dimensions: number): Float32Array {
  return Float32Array.from({ length: dimensions }, () => random.next() * 2 - 1);
}

describe('VectorTable', () => {
  it('scores every row and chosen rows as plain dot products would', () => {
    const random = new SeededRandom(3);
    const table = new VectorTable(6, 2);
    const rows = Array.from({ length: 9 }, () => randomVector(random, 6));
    for (const row of rows) table.write(table.allocate(), row);
    const query = randomVector(random, 6);
    const all = table.scoreAll(query);
    expect(all).toHaveLength(9);
    rows.forEach((row, i) => expect(all[i]).toBeCloseTo(dot(query, row), 5));
    const some = table.scoreRows(query, [7, 2, 7]);
    expect([...some].map((x) => Number(x.toFixed(5)))).toEqual(
      [7, 2, 7].map((i) => Number(dot(query, rows[i]).toFixed(5))),
    );
  });

  it('keeps rows through growth and reuses released rows', () => {
    const table = new VectorTable(4, 2);
    const first = table.allocate();
    table.write(first, [1, 2, 3, 4]);
    for (let i = 0; i < 40; i++) table.write(table.allocate(), [0, 0, 0, i]);
    expect(table.scoreAll([1, 1, 1, 1])[first]).toBe(10);
    table.release(first);
    expect(table.allocate()).toBe(first);
  });

  it('refuses a vector of another length', () => {
    const table = new VectorTable(4);
    expect(() => table.write(table.allocate(), [1, 2])).toThrow(/2 dimensions in a table of 4/);
  });

  it('embeds the binary that vector-scan.wat compiles to (npm run themes:wasm)', async () => {
    const toolkit = await wabt();
    const source = readFileSync(join(__dirname, 'vector-scan.wat'), 'utf8');
    const module = toolkit.parseWat('vector-scan.wat', source, { simd: true });
    const compiled = Buffer.from(module.toBinary({}).buffer).toString('base64');
    module.destroy();
    expect(VECTOR_SCAN_WASM).toBe(compiled);
  });
});
