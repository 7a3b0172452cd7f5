import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';

export interface QueryLimits {
  /** Deepest selection nesting accepted; top-level fields are depth 0. */
  readonly maxDepth: number;
  /** Highest cost accepted, one point per field. */
  readonly maxComplexity: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 8, maxComplexity: 5000 };

/** Refuses queries nested deeper than the limit, naming it. */
export function depthLimitRule(limits: QueryLimits): ValidationRule {
  return depthLimit(limits.maxDepth) as ValidationRule;
}

/** Refuses operations whose cost is over the limit before executing them, naming both numbers. */
export function complexityLimitPlugin(
  limits: QueryLimits,
  schema: () => GraphQLSchema,
): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document }) => {
        let complexity: number;
        try {
          complexity = getComplexity({
            schema: schema(),
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch (error) {
          // The cost needs the variables coerced: variables of the wrong shape fail here, before
          // GraphQL's own check would refuse them. Refuse them the same way, not as a server error.
          if (!(error instanceof GraphQLError)) throw error;
          throw new GraphQLError(error.message, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
        if (complexity > limits.maxComplexity) {
          throw new GraphQLError(
            `Query is too complex: cost ${complexity}, the limit is ${limits.maxComplexity}`,
            {
              extensions: {
                code: 'QUERY_TOO_COMPLEX',
                complexity,
                maxComplexity: limits.maxComplexity,
                http: { status: 400 },
              },
            },
          );
        }
      },
    }),
  };
}
