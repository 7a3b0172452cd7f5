import { GraphQLError } from 'graphql';
import { millisUuidPosition, timestampUuidPosition } from './sql-keys';

const ID = '7d1f0c1e-0000-4000-8000-000000000001';

function fieldOfError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions['field'];
  }
  throw new Error('accepted');
}

describe('cursor keys', () => {
  it('take a microsecond timestamp and a uuid', () => {
    const at = { key: '2026-11-01T10:00:00.123456Z', id: ID };
    expect(timestampUuidPosition(at)).toEqual(at);
    expect(fieldOfError(() => timestampUuidPosition({ key: '2026-11-01', id: ID }))).toBe('after');
  });

  it('take a millisecond timestamp and a uuid as a Date', () => {
    const position = millisUuidPosition({ key: '2026-11-01T10:00:00.123Z', id: ID });
    expect(position.at.toISOString()).toBe('2026-11-01T10:00:00.123Z');
    expect(position.id).toBe(ID);
  });

  it('refuse a millisecond cursor that is not a date, not a uuid or not a string, naming after', () => {
    for (const bad of [
      { key: 'yesterday', id: ID },
      { key: '2026-13-45T99:00:00.000Z', id: ID },
      { key: '2026-11-01T10:00:00.123Z', id: 'not-a-uuid' },
      { key: 1_700_000_000_000, id: ID },
    ]) {
      expect(fieldOfError(() => millisUuidPosition(bad))).toBe('after');
    }
  });
});
