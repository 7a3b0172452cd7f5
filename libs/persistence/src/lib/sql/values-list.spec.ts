import { sqlExpression, valuesList } from './values-list';

describe('valuesList', () => {
  it('numbers the parameters row by row and keeps expressions literal', () => {
    expect(
      valuesList([
        ['a', 1, sqlExpression('now()')],
        ['b', null, sqlExpression('now()')],
      ]),
    ).toEqual({
      sql: '($1, $2, now()), ($3, $4, now())',
      params: ['a', 1, 'b', null],
    });
  });

  it('starts at the given parameter number', () => {
    expect(valuesList([[true]], 3)).toEqual({ sql: '($3)', params: [true] });
  });

  it('treats ordinary objects as parameters, not expressions', () => {
    const details = { sql: 'DROP TABLE feedback', other: 1 };
    expect(valuesList([[details]]).params).toEqual([details]);
  });
});
