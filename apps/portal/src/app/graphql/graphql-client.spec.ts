import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ActionListDocument, FeedbackListDocument } from './generated';
import { GraphqlClient } from './graphql-client';
import { GraphqlRequestError } from './graphql-error';

describe('GraphqlClient', () => {
  let client: GraphqlClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    client = TestBed.inject(GraphqlClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('posts the operation with its name and variables to /graphql and emits the data', async () => {
    const result = firstValueFrom(client.request(FeedbackListDocument, { first: 25 }));
    const req = http.expectOne('/graphql');
    expect(req.request.method).toBe('POST');
    expect(req.request.body.operationName).toBe('FeedbackList');
    expect(req.request.body.variables).toEqual({ first: 25 });
    expect(req.request.body.query).toContain('fragment FeedbackRow on Feedback');
    req.flush({ data: { feedbackItems: { edges: [] } } });
    await expect(result).resolves.toEqual({ feedbackItems: { edges: [] } });
  });

  it('fails with the API errors of a 200 response', async () => {
    const result = firstValueFrom(client.request(ActionListDocument));
    http.expectOne('/graphql').flush({
      data: null,
      errors: [
        {
          message: 'Internal error; quote error id 7',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    await expect(result).rejects.toMatchObject({
      kind: 'graphql',
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal error; quote error id 7',
    });
  });

  it('fails with the API errors of a 400 response', async () => {
    const result = firstValueFrom(client.request(ActionListDocument));
    http
      .expectOne('/graphql')
      .flush(
        { errors: [{ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] },
        { status: 400, statusText: 'Bad Request' },
      );
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlRequestError);
    expect((error as GraphqlRequestError).code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('fails with a network error when the API cannot be reached', async () => {
    const result = firstValueFrom(client.request(ActionListDocument));
    http
      .expectOne('/graphql')
      .error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await expect(result).rejects.toMatchObject({ kind: 'network' });
  });
});
