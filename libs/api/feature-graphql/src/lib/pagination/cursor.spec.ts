import { GraphQLError } from 'graphql';
import { checkPageSize, decodeCursor, encodeCursor } from './cursor';
import { toConnection } from './to-connection';

describe('cursors', () => {
  it('round-trip a position', () => {
    const at = { key: '2026-11-01T10:00:00.000Z', id: '7d1f0c1e-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(at))).toEqual(at);
    expect(decodeCursor(encodeCursor({ key: 42, id: 'x' }))).toEqual({ key: 42, id: 'x' });
  });

  it('refuse a cursor the API did not issue, naming after', () => {
    for (const bad of ['nonsense', encodeCursorLike({ a: 1 }), '']) {
      try {
        decodeCursor(bad);
        throw new Error('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions).toEqual(
          expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
        );
      }
    }
  });

  it('check page sizes', () => {
    expect(checkPageSize(1)).toBe(1);
    expect(() => checkPageSize(0)).toThrow('first must be between 1 and 200, got 0');
    expect(() => checkPageSize(201)).toThrow('got 201');
  });

  it('page rows read with one extra', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id${n}`, n }));
    const page = toConnection(rows, 2, 10, (r) => ({ key: r.n, id: r.id }));
    expect(page.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor ?? '')).toEqual({ key: 2, id: 'id2' });
    const last = toConnection(rows.slice(2), 2, 10, (r) => ({ key: r.n, id: r.id }));
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges[0]?.cursor });
    expect(toConnection([], 2, 0, () => ({ key: 0, id: '' })).pageInfo.endCursor).toBeNull();
  });
});

function encodeCursorLike(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
