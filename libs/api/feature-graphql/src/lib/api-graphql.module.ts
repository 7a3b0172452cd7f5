import { TokenBuckets } from '@closedloop/access-domain';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { ActionResolver } from './actions/action.resolver';
import { ActionService } from './actions/action.service';
import { API_CONFIG, DEFAULT_INGEST_RATE_LIMIT, type ApiConfig } from './api.config';
import { ApiKeyService } from './auth/api-key.service';
import { INGEST_RATE_LIMIT, IngestKeyGuard } from './auth/ingest-key.guard';
import { IngestResolver } from './ingest/ingest.resolver';
import { IngestService } from './ingest/ingest.service';
import { ResearchPromptResolver } from './prompts/research-prompt.resolver';
import { ResearchPromptService } from './prompts/research-prompt.service';
import { complexityLimitPlugin, DEFAULT_QUERY_LIMITS, depthLimitRule } from './query-limits';
import { formatGraphqlError } from './errors/format-error';
import { CustomerResolver } from './customers/customer.resolver';
import { CustomerService } from './customers/customer.service';
import { FeedbackResolver } from './feedback/feedback.resolver';
import { FeedbackService } from './feedback/feedback.service';
import { NoticeService } from './notices/notice.service';
import { ThemeResolver } from './themes/theme.resolver';
import { ThemeService } from './themes/theme.service';
import { ThemeSpaceStore } from '@closedloop/themes-data-access';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { graphqlContext } from './live/graphql-context';
import { createLivePubSub, LIVE_PUBSUB } from './live/live-events';
import { LiveEventRelay } from './live/live-event-relay.service';
import { LiveResolver } from './live/live.resolver';

export const GRAPHQL_RESOLVERS = [
  IngestResolver,
  FeedbackResolver,
  ActionResolver,
  ResearchPromptResolver,
  ThemeResolver,
  CustomerResolver,
  LiveResolver,
];

/** The GraphQL API (code-first, Apollo Server) for integrators and the portal, and the unsubscribe endpoint. */
@Module({})
export class ApiGraphqlModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiGraphqlModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [GraphQLSchemaHost],
          useFactory: (schemaHost: GraphQLSchemaHost) => {
            const limits = config.queryLimits ?? DEFAULT_QUERY_LIMITS;
            const schema = (): GraphQLSchema => schemaHost.schema;
            return {
              path: '/graphql',
              autoSchemaFile: config.schemaFile ?? true,
              sortSchema: true,
              playground: false,
              introspection: true,
              context: graphqlContext,
              subscriptions: { 'graphql-ws': { path: '/graphql' } },
              validationRules: [depthLimitRule(limits)],
              // Apollo's ESM and CJS type declarations differ; the driver's own type names the same plugin.
              plugins: [
                complexityLimitPlugin(limits, schema),
              ] as unknown as ApolloDriverConfig['plugins'],
              formatError: formatGraphqlError,
            };
          },
        }),
      ],
      controllers: [UnsubscribeController],
      exports: [ApiKeyService],
      providers: [
        { provide: API_CONFIG, useValue: config },
        {
          provide: INGEST_RATE_LIMIT,
          useValue: new TokenBuckets(config.ingestRateLimit ?? DEFAULT_INGEST_RATE_LIMIT),
        },
        ApiKeyService,
        IngestKeyGuard,
        IngestService,
        ResearchPromptService,
        FeedbackService,
        CustomerService,
        ActionService,
        NoticeService,
        ThemeService,
        { provide: ThemeSpaceStore, useFactory: () => new ThemeSpaceStore() },
        { provide: LIVE_PUBSUB, useFactory: createLivePubSub },
        LiveEventRelay,
        ...GRAPHQL_RESOLVERS,
      ],
    };
  }
}
