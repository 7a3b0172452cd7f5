import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { GRAPHQL_RESOLVERS } from '../api-graphql.module';
import { declaredOperations } from './access-declarations';

/**
 * The build fails when an operation has no access rule: the guard would refuse it at runtime, and
 * this says so before anyone deploys it. Walks the schema the code builds, not a list kept by hand.
 */
describe('access declarations', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
    await app.init();
    schema = await app
      .get(GraphQLSchemaFactory)
      .create([...GRAPHQL_RESOLVERS], { orphanedTypes: [] });
    await app.close();
  });

  const schemaOperations = (): string[] =>
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
      (type) => (type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []),
    );

  it('every Query, Mutation and Subscription of the schema has a resolver declaring who may call it', () => {
    const declared = new Map(declaredOperations(GRAPHQL_RESOLVERS).map((d) => [d.operation, d]));
    const operations = schemaOperations();
    expect(operations.length).toBeGreaterThan(20);
    const undeclared = operations.filter((op) => !declared.get(op)?.rule);
    expect(undeclared).toEqual([]);
  });

  it('only signIn is public, and only the submit mutations are for API keys', () => {
    const declared = declaredOperations(GRAPHQL_RESOLVERS);
    expect(declared.filter((d) => d.rule?.kind === 'public').map((d) => d.operation)).toEqual([
      'Mutation.signIn',
    ]);
    expect(
      declared
        .filter((d) => d.rule?.kind === 'ingest')
        .map((d) => d.operation)
        .sort(),
    ).toEqual(
      [
        'submitCrmRecord',
        'submitFeedbackBatch',
        'submitSocialPost',
        'submitStaffReport',
        'submitSurveyResponse',
      ].map((m) => `Mutation.${m}`),
    );
  });

  it('notices a resolver method without a declaration', () => {
    class Bare {
      list(): string[] {
        return [];
      }
    }
    Reflect.defineMetadata('graphql:resolver_type', 'Query', Bare.prototype.list);
    expect(declaredOperations([Bare])).toEqual([
      { operation: 'Query.list', resolver: 'Bare', method: 'list', rule: undefined },
    ]);
  });
});
