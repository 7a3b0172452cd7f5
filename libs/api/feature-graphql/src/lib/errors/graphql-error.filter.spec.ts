import type { ArgumentsHost } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { GraphqlErrorFilter } from './graphql-error.filter';

const hostOf = (type: string) => ({ getType: () => type }) as unknown as ArgumentsHost;

describe('GraphqlErrorFilter', () => {
  it('answers a GraphQL operation’s GraphQLError as it is', () => {
    const error = new GraphQLError('nope', { extensions: { code: 'FORBIDDEN' } });
    expect(new GraphqlErrorFilter().catch(error, hostOf('graphql'))).toBe(error);
  });

  it('leaves errors outside GraphQL to Nest', () => {
    const error = new GraphQLError('nope');
    expect(() => new GraphqlErrorFilter().catch(error, hostOf('http'))).toThrow(error);
  });
});
