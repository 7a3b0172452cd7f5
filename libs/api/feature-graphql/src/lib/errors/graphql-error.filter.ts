import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Answers a GraphQLError a resolver or guard threw on purpose (bad input, refused access, an
 * illegal transition) as it is, without Nest's exception handler logging it as an ERROR with a
 * stack trace; those are answers to the client, not faults. Anything else still reaches Nest's
 * handler and is logged.
 */
@Catch(GraphQLError)
export class GraphqlErrorFilter implements GqlExceptionFilter {
  catch(exception: GraphQLError, host: ArgumentsHost): GraphQLError {
    if (host.getType<string>() !== 'graphql') throw exception;
    return exception;
  }
}
