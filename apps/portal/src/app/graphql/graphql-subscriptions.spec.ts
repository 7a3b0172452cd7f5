import { graphqlSocketUrl } from './graphql-subscriptions';

describe('graphqlSocketUrl', () => {
  it('speaks ws to an http page and wss to an https one, at the same host', () => {
    expect(graphqlSocketUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe(
      'ws://127.0.0.1:3000/graphql',
    );
    expect(graphqlSocketUrl({ protocol: 'https:', host: 'cx.example.com' })).toBe(
      'wss://cx.example.com/graphql',
    );
  });
});
