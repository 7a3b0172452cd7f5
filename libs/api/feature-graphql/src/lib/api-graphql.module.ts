import { ServiceMetrics } from '@closedloop/platform';
import { DEFAULT_SESSION_LIFETIME, SignInThrottle, TokenBuckets } from '@closedloop/access-domain';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { ActionResolver } from './actions/action.resolver';
import { ActionService } from './actions/action.service';
import { LoopMeasuresResolver } from './actions/loop-measures.resolver';
import { LoopMeasuresService } from './actions/loop-measures.service';
import { API_CONFIG, DEFAULT_INGEST_RATE_LIMIT, type ApiConfig } from './api.config';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { AccessGuard } from './auth/access.guard';
import { AdminBootstrap } from './auth/admin-bootstrap';
import { ApiKeyService } from './auth/api-key.service';
import { SESSION_LIFETIME, SessionService, SIGN_IN_THROTTLE } from './auth/session.service';
import { SettingsResolver } from './settings/settings.resolver';
import { SettingsService } from './settings/settings.service';
import { AuthResolver } from './users/auth.resolver';
import { UserResolver } from './users/user.resolver';
import { UserService } from './users/user.service';
import { INGEST_RATE_LIMIT, IngestKeyGuard } from './auth/ingest-key.guard';
import { IngestResolver } from './ingest/ingest.resolver';
import { IngestService } from './ingest/ingest.service';
import { ResearchPromptResolver } from './prompts/research-prompt.resolver';
import { ResearchPromptService } from './prompts/research-prompt.service';
import { complexityLimitPlugin, DEFAULT_QUERY_LIMITS, depthLimitRule } from './query-limits';
import { formatGraphqlError } from './errors/format-error';
import { GraphqlErrorFilter } from './errors/graphql-error.filter';
import { CustomerResolver } from './customers/customer.resolver';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin';
import { DeadLetterResolver } from './dead-letters/dead-letter.resolver';
import { DeadLetterService } from './dead-letters/dead-letter.service';
import { CustomerErasureService } from './customers/customer-erasure.service';
import { CustomerHistoryService } from './customers/customer-history.service';
import { CustomerService } from './customers/customer.service';
import { FeedbackResolver } from './feedback/feedback.resolver';
import { FeedbackService } from './feedback/feedback.service';
import { NoticeService } from './notices/notice.service';
import { ThemeResolver } from './themes/theme.resolver';
import { ThemeService } from './themes/theme.service';
import { ThemeStatsLoader } from './themes/theme-stats.loader';
import { ThemeSpaceStore } from '@closedloop/themes-data-access';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { graphqlContext } from './live/graphql-context';
import { createLivePubSub, LIVE_PUBSUB } from './live/live-events';
import { LiveEventRelay } from './live/live-event-relay.service';
import { LiveResolver } from './live/live.resolver';
import { OverviewResolver } from './overview/overview.resolver';
import { OverviewService } from './overview/overview.service';

export const GRAPHQL_RESOLVERS = [
  IngestResolver,
  FeedbackResolver,
  ActionResolver,
  LoopMeasuresResolver,
  ResearchPromptResolver,
  ThemeResolver,
  AuthResolver,
  UserResolver,
  ApiKeyResolver,
  SettingsResolver,
  CustomerResolver,
  LiveResolver,
  DeadLetterResolver,
  OverviewResolver,
];

/**
 * The GraphQL API (code-first, Apollo Server) for integrators and the portal, and the unsubscribe
 * endpoint. Every GraphQL operation passes the access guard (deny-by-default; see auth/access.guard.ts).
 */
@Module({})
export class ApiGraphqlModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiGraphqlModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [GraphQLSchemaHost, { token: ServiceMetrics, optional: true }],
          useFactory: (schemaHost: GraphQLSchemaHost, metrics?: ServiceMetrics) => {
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
                ...(metrics ? [graphqlMetricsPlugin(metrics)] : []),
              ] as unknown as ApolloDriverConfig['plugins'],
              formatError: formatGraphqlError,
            };
          },
        }),
      ],
      controllers: [UnsubscribeController],
      exports: [ApiKeyService, UserService, SessionService, SettingsService],
      providers: [
        { provide: API_CONFIG, useValue: config },
        {
          provide: INGEST_RATE_LIMIT,
          useValue: new TokenBuckets(config.ingestRateLimit ?? DEFAULT_INGEST_RATE_LIMIT),
        },
        { provide: SESSION_LIFETIME, useValue: config.sessionLifetime ?? DEFAULT_SESSION_LIFETIME },
        { provide: SIGN_IN_THROTTLE, useValue: new SignInThrottle(config.signInThrottle) },
        ApiKeyService,
        IngestKeyGuard,
        SessionService,
        UserService,
        SettingsService,
        AdminBootstrap,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
        IngestService,
        ResearchPromptService,
        FeedbackService,
        CustomerService,
        CustomerErasureService,
        CustomerHistoryService,
        ActionService,
        LoopMeasuresService,
        OverviewService,
        NoticeService,
        ThemeService,
        ThemeStatsLoader,
        DeadLetterService,
        { provide: ThemeSpaceStore, useFactory: () => new ThemeSpaceStore() },
        { provide: LIVE_PUBSUB, useFactory: createLivePubSub },
        LiveEventRelay,
        ...GRAPHQL_RESOLVERS,
      ],
    };
  }
}
