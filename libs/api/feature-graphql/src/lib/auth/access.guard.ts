import { apiKeyPrefix, roleAtLeast } from '@closedloop/access-domain';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ACCESS_METADATA, type AccessRule } from './access.decorator';
import { ApiKeyService } from './api-key.service';
import { forbidden, unauthenticated } from './auth-errors';
import { bearerToken, type RequestLike } from './bearer-token';
import { IngestKeyGuard } from './ingest-key.guard';
import { SessionService } from './session.service';
import type { RequestWithUser } from './user-principal';

/**
 * The guard on every GraphQL operation, registered globally and deny-by-default: an operation
 * without an access rule (`@Allow`, `@IngestOnly`, `@Public`) is refused with FORBIDDEN. A session
 * token (`Authorization: Bearer`, over HTTP or in the graphql-ws connection parameters) puts the
 * signed-in person on `req.user`; API keys may only ingest, people may not ingest.
 * HTTP controllers (health, unsubscribe) are not GraphQL and keep their own rules.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly keys: ApiKeyService,
    private readonly ingestGuard: IngestKeyGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const operation = `${info.parentType.name}.${info.fieldName}`;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw forbidden(`${operation} declares no access rule, so nobody may call it`);
    if (rule.kind === 'public') return true;

    const ctx = gql.getContext<{ req?: RequestLike & RequestWithUser }>();
    const req = ctx.req;
    const token = bearerToken(req);
    const isApiKey = token !== undefined && apiKeyPrefix(token) !== null;

    if (rule.kind === 'ingest') {
      if (token && !isApiKey && (await this.sessions.verify(token))) {
        throw forbidden(`${info.fieldName} is for integrator API keys; people cannot ingest`);
      }
      return this.ingestGuard.canActivate(context);
    }

    if (!token)
      throw unauthenticated('Sign in first: send "Authorization: Bearer <session token>"');
    if (isApiKey) {
      if (await this.keys.verify(token))
        throw forbidden(`API keys may only ingest feedback, not call ${info.fieldName}`);
      throw unauthenticated('Unknown or revoked API key');
    }
    const user = await this.sessions.verify(token);
    if (!user) throw unauthenticated('Your session has ended; sign in again');
    if (!roleAtLeast(user.role, rule.minimum)) {
      throw forbidden(
        `${info.fieldName} needs the ${rule.minimum} role or higher; you are ${user.role}`,
      );
    }
    if (req) req.user = user;
    return true;
  }
}
