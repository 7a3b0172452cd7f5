import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable } from '@angular/core';
import type { Client } from 'graphql-ws';
import { Observable } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import type { GraphqlDocument, VariablesArg } from './graphql-client';
import { operationNameOf } from './graphql-error';

/** The websocket URL of the API's GraphQL endpoint: same origin, ws or wss. */
export function graphqlSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/**
 * GraphQL subscriptions over graphql-ws, on one shared connection opened when the first
 * subscription starts (and closed shortly after the last ends), signed in with the session token
 * as `connectionParams.authorization`. The client library is loaded on first use, so pages that
 * do not subscribe do not carry it.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlSubscriptions {
  private readonly session = inject(SessionStore);
  private readonly location = inject(DOCUMENT).location;
  private client: Promise<Client> | null = null;
  private clientToken: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => void this.client?.then((c) => c.dispose()));
  }

  /** Emits each event's data; completes when the server ends it, fails on a GraphQL error. */
  subscribe<TResult, TVariables>(
    document: GraphqlDocument<TResult, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Observable<TResult> {
    const query = document.toString();
    const operationName = operationNameOf(query) ?? undefined;
    return new Observable<TResult>((subscriber) => {
      let stop: (() => void) | null = null;
      let closed = false;
      this.connection()
        .then((client) => {
          if (closed) return;
          stop = client.subscribe<TResult>(
            { query, operationName, variables: (variables ?? {}) as Record<string, unknown> },
            {
              next: (value) => {
                if (value.errors?.length) {
                  subscriber.error(new Error(value.errors.map((e) => e.message).join('; ')));
                } else if (value.data) {
                  subscriber.next(value.data);
                }
              },
              error: (error: unknown) =>
                subscriber.error(error instanceof Error ? error : new Error('subscription closed')),
              complete: () => subscriber.complete(),
            },
          );
        })
        .catch((error: unknown) => subscriber.error(error));
      return () => {
        closed = true;
        stop?.();
      };
    });
  }

  /** The connection for the current session; a new one when the person signed in again. */
  private connection(): Promise<Client> {
    const token = this.session.token();
    if (!this.client || token !== this.clientToken) {
      const previous = this.client;
      void previous?.then((c) => c.dispose());
      this.clientToken = token;
      const url = graphqlSocketUrl(this.location);
      this.client = import('graphql-ws').then(({ createClient }) =>
        createClient({
          url,
          lazy: true,
          lazyCloseTimeout: 3_000,
          retryAttempts: 5,
          connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}),
        }),
      );
    }
    return this.client;
  }
}
