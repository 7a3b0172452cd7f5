import { DestroyRef, inject, Injectable, InjectionToken } from '@angular/core';
import type { Client } from 'graphql-ws';
import { Observable } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import type { GraphqlDocument, VariablesArg } from './graphql-client';
import { operationNameOf } from './graphql-error';

/** Where the API answers GraphQL subscriptions (graphql-ws): the same origin, as ws(s). */
export const GRAPHQL_WS_URL = new InjectionToken<string>('GRAPHQL_WS_URL', {
  providedIn: 'root',
  factory: () =>
    `${globalThis.location?.protocol === 'https:' ? 'wss' : 'ws'}://${globalThis.location?.host ?? 'localhost'}/graphql`,
});

/**
 * GraphQL subscriptions over one shared graphql-ws connection, opened on the first subscription
 * (graphql-ws loaded lazily, so pages without live updates do not carry it) with the session
 * token, and closed when the app goes. The connection retries on its own after a drop.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlLive {
  private readonly url = inject(GRAPHQL_WS_URL);
  private readonly session = inject(SessionStore);
  private client: Promise<Client> | null = null;
  /** The session the open connection was made with. */
  private clientToken: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /** Emits each event's data; errors with the API's message when the subscription is refused. */
  subscribe<TResult, TVariables>(
    document: GraphqlDocument<TResult, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Observable<TResult> {
    const query = document.toString();
    return new Observable<TResult>((subscriber) => {
      let dispose: (() => void) | null = null;
      let closed = false;
      this.connection()
        .then((client) => {
          if (closed) return;
          dispose = client.subscribe<TResult>(
            {
              query,
              operationName: operationNameOf(query) ?? undefined,
              variables: (variables ?? {}) as Record<string, unknown>,
            },
            {
              next: (result) => {
                if (result.errors?.length) {
                  subscriber.error(new Error(result.errors.map((e) => e.message).join('; ')));
                } else if (result.data) {
                  subscriber.next(result.data as TResult);
                }
              },
              error: (error: unknown) =>
                subscriber.error(
                  error instanceof Error ? error : new Error('live updates stopped'),
                ),
              complete: () => subscriber.complete(),
            },
          );
        })
        .catch((error: unknown) => subscriber.error(error));
      return () => {
        closed = true;
        dispose?.();
      };
    });
  }

  private close(): void {
    void this.client?.then((c) => c.dispose());
    this.client = null;
  }

  /** The shared connection; a new one when the person signed in again (another token). */
  private connection(): Promise<Client> {
    const token = this.session.token();
    if (this.client && token !== this.clientToken) this.close();
    this.clientToken = token;
    this.client ??= import('graphql-ws').then(({ createClient }) =>
      createClient({
        url: this.url,
        lazy: true,
        lazyCloseTimeout: 3_000,
        retryAttempts: 1_000,
        shouldRetry: () => true,
        connectionParams: () => {
          const token = this.session.token();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      }),
    );
    return this.client;
  }
}
