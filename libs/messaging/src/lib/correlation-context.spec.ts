import {
  currentCorrelationId,
  currentCorrelationScope,
  runWithCorrelationId,
  saneCorrelationId,
} from './correlation-context';

describe('saneCorrelationId', () => {
  it.each(['a', 'req-42', 'survey:import.7_b', 'x'.repeat(100)])('takes %s', (id) => {
    expect(saneCorrelationId(id)).toBe(id);
  });

  it.each([
    ['an empty string', ''],
    ['101 characters', 'x'.repeat(101)],
    ['a space', 'a b'],
    ['a newline (forged log lines)', 'a\n{"level":"info"}'],
    ['quotes', '"a"'],
    ['an email address', 'ada@example.com'],
    ['a non-string', 42],
    ['nothing', undefined],
  ])('refuses %s', (_what, value) => {
    expect(saneCorrelationId(value)).toBeNull();
  });
});

describe('runWithCorrelationId', () => {
  it('makes the id current for the function and its awaits, and only there', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const seen = await runWithCorrelationId('c-1', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return currentCorrelationId();
    });
    expect(seen).toBe('c-1');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('keeps concurrent scopes apart', async () => {
    const run = (id: string, delay: number) =>
      runWithCorrelationId(id, async () => {
        await new Promise((r) => setTimeout(r, delay));
        return currentCorrelationId();
      });
    await expect(Promise.all([run('slow', 20), run('fast', 1)])).resolves.toEqual(['slow', 'fast']);
  });

  it('runs outside any scope when given no id, even inside another one', () => {
    const inner = runWithCorrelationId('outer', () =>
      runWithCorrelationId(null, () => currentCorrelationScope()),
    );
    expect(inner).toBeUndefined();
  });
});
