import { inject, Injectable, InjectionToken, OnDestroy } from '@angular/core';
import { createClient, type Client } from 'graphql-ws';
import { Observable } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import type { GraphqlDocument, VariablesArg } from './graphql-client';
import { operationNameOf } from './graphql-error';

/** Where the API answers GraphQL subscriptions (graphql-ws), on the portal's own origin. */
export const GRAPHQL_WS_URL = new InjectionToken<string>('GRAPHQL_WS_URL', {
  providedIn: 'root',
  factory: () =>
    typeof location === 'undefined'
      ? 'ws://localhost/graphql'
      : `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
});

/**
 * GraphQL subscriptions over one lazily opened graphql-ws connection, authorised with the
 * session's token. Emits each event's data; completes or fails with the subscription.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlLive implements OnDestroy {
  private readonly session = inject(SessionStore);
  private readonly url = inject(GRAPHQL_WS_URL);
  private client: Client | null = null;

  subscribe<TResult, TVariables>(
    document: GraphqlDocument<TResult, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Observable<TResult> {
    return new Observable<TResult>((subscriber) => {
      const query = document.toString();
      const dispose = this.connection().subscribe<TResult>(
        {
          query,
          operationName: operationNameOf(query) ?? undefined,
          variables: (variables ?? {}) as Record<string, unknown>,
        },
        {
          next: (result) => {
            if (result.data) subscriber.next(result.data as TResult);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        },
      );
      return () => dispose();
    });
  }

  ngOnDestroy(): void {
    void this.client?.dispose();
  }

  private connection(): Client {
    this.client ??= createClient({
      url: this.url,
      lazy: true,
      retryAttempts: 5,
      connectionParams: () => {
        const token = this.session.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    });
    return this.client;
  }
}
