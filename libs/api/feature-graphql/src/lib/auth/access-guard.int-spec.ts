import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { GraphQLError } from 'graphql';
import { startGraphqlTestApp, type GraphqlTestApp } from '../../testing/graphql-test-app';
import { UserService } from '../users/user.service';
import { Allow } from './access.decorator';
import { AccessGuard } from './access.guard';
import { ApiKeyService } from './api-key.service';
import { IngestKeyGuard } from './ingest-key.guard';
import { SessionService } from './session.service';
import type { RequestWithUser } from './user-principal';

class LiveResolver {
  @Allow('viewer')
  feedbackAdded(): boolean {
    return true;
  }

  undeclared(): boolean {
    return true;
  }
}

/**
 * Subscriptions over graphql-ws get the context `{ req }` with `req.headers.authorization` taken
 * from the connection parameters; the guard must treat it like an HTTP request.
 */
describe('the access guard on a graphql-ws style context, on real PostgreSQL', () => {
  let api: GraphqlTestApp;
  let guard: AccessGuard;
  let token: string;

  beforeAll(async () => {
    api = await startGraphqlTestApp();
    guard = new AccessGuard(
      api.app.get(Reflector),
      api.app.get(SessionService),
      api.app.get(ApiKeyService),
      api.app.get(IngestKeyGuard),
    );
    await api.app
      .get(UserService)
      .create({
        email: 'ws@guard.example',
        name: 'Wes Viewer',
        role: 'viewer',
        password: 'guard test passphrase',
      });
    token = (
      await api.app
        .get(SessionService)
        .signIn('ws@guard.example', 'guard test passphrase', '127.0.0.1')
    ).token;
  });
  afterAll(() => api?.close());

  const subscriptionContext = (
    method: 'feedbackAdded' | 'undeclared',
    req: { headers: Record<string, string> } & RequestWithUser,
  ) => {
    const info = { parentType: { name: 'Subscription' }, fieldName: method };
    const host = new ExecutionContextHost(
      [undefined, {}, { req }, info],
      LiveResolver,
      LiveResolver.prototype[method],
    );
    host.setType('graphql');
    return host;
  };

  it('lets a signed-in person subscribe and puts them on req.user', async () => {
    const req: { headers: Record<string, string> } & RequestWithUser = {
      headers: { authorization: `Bearer ${token}` },
    };
    await expect(guard.canActivate(subscriptionContext('feedbackAdded', req))).resolves.toBe(true);
    expect(req.user).toEqual(
      expect.objectContaining({ email: 'ws@guard.example', role: 'viewer' }),
    );
  });

  it('refuses a connection without a token or with a wrong one, and an undeclared subscription', async () => {
    const codeOf = async (promise: Promise<boolean>) =>
      promise.then(
        () => 'allowed',
        (error: GraphQLError) => error.extensions?.['code'],
      );
    expect(
      await codeOf(guard.canActivate(subscriptionContext('feedbackAdded', { headers: {} }))),
    ).toBe('UNAUTHENTICATED');
    expect(
      await codeOf(
        guard.canActivate(
          subscriptionContext('feedbackAdded', {
            headers: { authorization: 'Bearer not-a-session' },
          }),
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      await codeOf(
        guard.canActivate(
          subscriptionContext('undeclared', { headers: { authorization: `Bearer ${token}` } }),
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
