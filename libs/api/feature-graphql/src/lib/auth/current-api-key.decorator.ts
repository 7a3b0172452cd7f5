import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiKeyPrincipal } from './api-key-principal';
import type { RequestWithApiKey } from './ingest-key.guard';

/** The verified API key of the request; only on resolvers behind IngestKeyGuard. */
export const CurrentApiKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ApiKeyPrincipal => {
    const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithApiKey }>().req;
    if (!req.apiKey) throw new Error('CurrentApiKey used on a resolver without IngestKeyGuard');
    return req.apiKey;
  },
);
