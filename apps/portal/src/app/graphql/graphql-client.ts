import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { catchError, map, Observable, throwError } from 'rxjs';
import {
  errorFromHttpFailure,
  GraphqlRequestError,
  operationNameOf,
  readGraphqlBody,
} from './graphql-error';

/** Where the API answers GraphQL; the portal is served by the API, so the same origin. */
export const GRAPHQL_URL = new InjectionToken<string>('GRAPHQL_URL', {
  providedIn: 'root',
  factory: () => '/graphql',
});

/** A generated operation: its text, typed with its result and variables. */
export type GraphqlDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
};

type NoVariables = Record<string, never>;

/** Variables are optional for operations without any. */
export type VariablesArg<TVariables> = [TVariables] extends [NoVariables]
  ? [variables?: TVariables]
  : [variables: TVariables];

/**
 * A small typed GraphQL client over HttpClient. Emits the operation's data, or fails with a
 * GraphqlRequestError carrying the API's `errors[].message` and `extensions.code`.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly http = inject(HttpClient);
  private readonly url = inject(GRAPHQL_URL);

  request<TResult, TVariables>(
    document: GraphqlDocument<TResult, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Observable<TResult> {
    const query = document.toString();
    const operationName = operationNameOf(query);
    return this.http
      .post<unknown>(
        this.url,
        { query, operationName, variables: variables ?? {} },
        { observe: 'response' },
      )
      .pipe(
        catchError((failure: unknown) =>
          throwError(() =>
            failure instanceof HttpErrorResponse
              ? errorFromHttpFailure(failure, operationName)
              : new GraphqlRequestError(
                  'network',
                  [
                    {
                      message: failure instanceof Error ? failure.message : String(failure),
                      code: null,
                      field: null,
                    },
                  ],
                  null,
                  operationName,
                ),
          ),
        ),
        map((response) => {
          const read = readGraphqlBody<TResult>(response.body, response.status, operationName);
          if ('error' in read) throw read.error;
          return read.data;
        }),
      );
  }
}
