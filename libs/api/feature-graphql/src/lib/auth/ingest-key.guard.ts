import { TokenBuckets } from '@closedloop/access-domain';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { ApiKeyPrincipal } from './api-key-principal';
import { ApiKeyService } from './api-key.service';

export const INGEST_RATE_LIMIT = Symbol('INGEST_RATE_LIMIT');

export type RequestWithApiKey = Request & { apiKey?: ApiKeyPrincipal };

function presentedKey(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const header = req.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}

/**
 * Guards the ingest mutations: a valid, unrevoked integrator API key is required
 * (UNAUTHENTICATED otherwise), and each key has its own rate limit, charged per event
 * (RATE_LIMITED, with the wait in `extensions.retryAfterMs`). Scopes are checked per event.
 */
@Injectable()
export class IngestKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeyService,
    @Inject(INGEST_RATE_LIMIT) private readonly buckets: TokenBuckets,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const gql = GqlExecutionContext.create(context);
    const req = gql.getContext<{ req: RequestWithApiKey }>().req;
    const key = presentedKey(req);
    if (!key) {
      throw new GraphQLError('Missing API key: send it as "Authorization: Bearer <key>"', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    const principal = await this.keys.verify(key);
    if (!principal) {
      throw new GraphQLError('Unknown or revoked API key', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    const events = (gql.getArgs<{ events?: unknown[] }>().events ?? [null]).length;
    const taken = this.buckets.take(principal.id, Math.max(1, events));
    if (!taken.allowed) {
      const wait = Number.isFinite(taken.retryAfterMs)
        ? `retry after ${taken.retryAfterMs} ms`
        : 'the request is larger than the key’s burst';
      throw new GraphQLError(`Rate limit of API key ${principal.prefix} exceeded: ${wait}`, {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterMs: Number.isFinite(taken.retryAfterMs) ? taken.retryAfterMs : null,
        },
      });
    }
    req.apiKey = principal;
    return true;
  }
}
