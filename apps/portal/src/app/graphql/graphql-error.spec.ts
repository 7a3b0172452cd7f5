import {
  errorFromHttpFailure,
  GraphqlRequestError,
  operationNameOf,
  readGraphqlBody,
  toDisplayError,
} from './graphql-error';

describe('readGraphqlBody', () => {
  it('returns the data of a response without errors', () => {
    expect(readGraphqlBody({ data: { actionList: [] } }, 200, 'ActionList')).toEqual({
      data: { actionList: [] },
    });
  });

  it('turns errors[] into an error with every message, code and field', () => {
    const read = readGraphqlBody(
      {
        data: null,
        errors: [
          {
            message: 'An action cannot go from proposed to shipped',
            extensions: { code: 'ILLEGAL_TRANSITION' },
          },
          {
            message: 'title must be 1 to 200 characters',
            extensions: { code: 'BAD_USER_INPUT', field: 'title' },
          },
        ],
      },
      200,
      'ChangeActionStatus',
    );
    expect('error' in read).toBe(true);
    const error = (read as { error: GraphqlRequestError }).error;
    expect(error.kind).toBe('graphql');
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.hasCode('BAD_USER_INPUT')).toBe(true);
    expect(error.details[1]).toEqual({
      message: 'title must be 1 to 200 characters',
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect(error.message).toBe(
      'An action cannot go from proposed to shipped; title must be 1 to 200 characters',
    );
    expect(error.operationName).toBe('ChangeActionStatus');
  });

  it('treats partial data with errors as a failure', () => {
    const read = readGraphqlBody(
      { data: { action: null }, errors: [{ message: 'boom' }] },
      200,
      null,
    );
    expect('error' in read && read.error.details).toEqual([
      { message: 'boom', code: null, field: null },
    ]);
  });

  it('copes with malformed errors', () => {
    const read = readGraphqlBody(
      { errors: [42, { message: '' }, { message: 'x', extensions: 'nope' }] },
      200,
      null,
    );
    expect('error' in read && read.error.details.map((d) => d.message)).toEqual([
      'Unknown error',
      'Unknown error',
      'x',
    ]);
  });

  it('refuses a body with neither data nor errors', () => {
    const read = readGraphqlBody('<html>', 200, null);
    expect('error' in read && read.error.kind).toBe('invalid-response');
  });
});

describe('errorFromHttpFailure', () => {
  it('keeps the GraphQL errors Apollo sends with a 400', () => {
    const error = errorFromHttpFailure(
      {
        status: 400,
        statusText: 'Bad Request',
        error: {
          errors: [
            {
              message: 'Cannot query field "nope" on type "Query".',
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        },
      },
      'Broken',
    );
    expect(error.kind).toBe('graphql');
    expect(error.status).toBe(400);
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('parses an error body that arrived as text', () => {
    const error = errorFromHttpFailure(
      {
        status: 429,
        error: JSON.stringify({
          errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED' } }],
        }),
      },
      null,
    );
    expect(error.code).toBe('RATE_LIMITED');
  });

  it('reports an unreachable API as a network error', () => {
    const error = errorFromHttpFailure(
      { status: 0, statusText: 'Unknown Error', error: new ProgressEvent('error') },
      null,
    );
    expect(error.kind).toBe('network');
    expect(error.status).toBeNull();
    expect(error.message).toMatch(/Cannot reach the ClosedLoop API/);
  });

  it('reports a non-GraphQL answer with its HTTP status', () => {
    const error = errorFromHttpFailure(
      { status: 502, statusText: 'Bad Gateway', error: '<html>bad gateway</html>' },
      null,
    );
    expect(error.kind).toBe('http');
    expect(error.message).toBe('The ClosedLoop API answered HTTP 502 Bad Gateway.');
  });
});

describe('toDisplayError', () => {
  it('lists distinct messages and codes', () => {
    const error = new GraphqlRequestError(
      'graphql',
      [
        { message: 'a', code: 'BAD_USER_INPUT', field: 'title' },
        { message: 'a', code: 'BAD_USER_INPUT', field: 'title' },
        { message: 'b', code: null, field: null },
      ],
      200,
      null,
    );
    expect(toDisplayError(error)).toEqual({ messages: ['a', 'b'], codes: ['BAD_USER_INPUT'] });
  });

  it('shows other errors by their message, and a fallback for anything else', () => {
    expect(toDisplayError(new Error('nope'))).toEqual({ messages: ['nope'], codes: [] });
    expect(toDisplayError(undefined)).toEqual({ messages: ['Something went wrong.'], codes: [] });
  });
});

describe('operationNameOf', () => {
  it('finds the first operation name after fragments', () => {
    expect(
      operationNameOf('fragment A on Action { id }\nquery ActionList { actionList { ...A } }'),
    ).toBe('ActionList');
    expect(operationNameOf('mutation CreateAction($input: CreateActionInput!) { x }')).toBe(
      'CreateAction',
    );
    expect(operationNameOf('{ feedbackList { id } }')).toBeNull();
  });
});
