import type { ApolloServerPlugin } from '@apollo/server';
import type { ServiceMetrics } from '@closedloop/platform';
import { Kind, type OperationDefinitionNode } from 'graphql';

/**
 * The operation's first root field (`submitSurveyResponse`, `themes`, …): a label bounded by the
 * schema, unlike the client's own operation name.
 */
function rootFieldOf(operation: OperationDefinitionNode | undefined | null): string {
  const first = operation?.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : 'unresolved';
}

/** Times every GraphQL request over HTTP into `closedloop_graphql_request_seconds`. */
export function graphqlMetricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    requestDidStart: async () => {
      const started = performance.now();
      return {
        willSendResponse: async ({ operation, errors }) => {
          metrics.graphqlSeconds.observe(
            {
              type: operation?.operation ?? 'unresolved',
              operation: rootFieldOf(operation),
              outcome: errors && errors.length > 0 ? 'error' : 'ok',
            },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
