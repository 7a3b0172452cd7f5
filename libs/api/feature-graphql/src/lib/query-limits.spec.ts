import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { complexityLimitPlugin, depthLimitRule } from './query-limits';

const schema = buildSchema(`
  type Query { node: Node }
  type Node { id: ID, child: Node }
`);

describe('query limits', () => {
  const limits = { maxDepth: 3, maxComplexity: 4 };

  it('refuses a query deeper than the limit, naming it', () => {
    const ok = validate(schema, parse('{ node { child { child { id } } } }'), [
      ...specifiedRules,
      depthLimitRule(limits),
    ]);
    expect(ok).toEqual([]);
    const errors = validate(schema, parse('{ node { child { child { child { id } } } } }'), [
      ...specifiedRules,
      depthLimitRule(limits),
    ]);
    expect(errors[0]?.message).toMatch(/exceeds maximum operation depth of 3/);
  });

  it('refuses an operation costing more than the limit, naming both numbers', async () => {
    const plugin = complexityLimitPlugin(limits, () => schema);
    const listener = await plugin.requestDidStart?.({} as never);
    const run = (query: string) =>
      (listener as { didResolveOperation: (ctx: unknown) => Promise<void> }).didResolveOperation({
        request: { operationName: undefined, variables: {} },
        document: parse(query),
      });
    await expect(run('{ node { id } }')).resolves.toBeUndefined();
    await expect(run('{ a: node { id } b: node { id } c: node { id } }')).rejects.toThrow(
      'Query is too complex: cost 6, the limit is 4',
    );
  });

  it('refuses variables of the wrong shape as bad input, not as a server error', async () => {
    const withInput = buildSchema(`
      input Thing { name: String! }
      type Query { node(thing: Thing): Node }
      type Node { id: ID }
    `);
    const plugin = complexityLimitPlugin(limits, () => withInput);
    const listener = await plugin.requestDidStart?.({} as never);
    const run = (variables: Record<string, unknown>) =>
      (listener as { didResolveOperation: (ctx: unknown) => Promise<void> }).didResolveOperation({
        request: { operationName: undefined, variables },
        document: parse('query($t: Thing) { node(thing: $t) { id } }'),
      });
    await expect(run({ t: { name: 'ok' } })).resolves.toBeUndefined();
    for (const t of ['', { name: 'x', extra: {} }, { name: 1 }]) {
      const refused = await run({ t }).then(
        () => null,
        (error: unknown) => error as { extensions: Record<string, unknown> },
      );
      expect(refused?.extensions).toEqual({ code: 'BAD_USER_INPUT', http: { status: 400 } });
    }
  });
});
