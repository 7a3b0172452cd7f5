import type { IncomingMessage } from 'node:http';
import { graphqlContext } from './graphql-context';

describe('graphqlContext', () => {
  it('passes an HTTP request through as req', () => {
    const req = { headers: { authorization: 'Bearer http' } };
    expect(graphqlContext({ req })).toEqual({ req });
  });

  it('gives a websocket operation a req whose authorization comes from connectionParams', () => {
    const upgrade = {
      headers: { 'user-agent': 'jest', authorization: 'Bearer from-upgrade' },
      socket: { remoteAddress: '10.0.0.9' },
    } as unknown as IncomingMessage;
    const { req } = graphqlContext({
      connectionParams: { authorization: 'Bearer from-params' },
      extra: { request: upgrade },
    }) as { req: { headers: Record<string, unknown>; ip: string } };
    expect(req.headers).toEqual({ 'user-agent': 'jest', authorization: 'Bearer from-params' });
    expect(req.ip).toBe('10.0.0.9');
  });

  it('leaves authorization unset when the connection sent none, whatever the upgrade carried', () => {
    const upgrade = {
      headers: { authorization: 'Bearer x' },
      socket: {},
    } as unknown as IncomingMessage;
    const { req } = graphqlContext({
      connectionParams: { authorization: 42 },
      extra: { request: upgrade },
    }) as {
      req: { headers: Record<string, unknown> };
    };
    expect(req.headers['authorization']).toBeUndefined();
  });
});
