import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { startGraphqlTestApp, type GraphqlTestApp } from '../../testing/graphql-test-app';
import { GRAPHQL_RESOLVERS } from '../api-graphql.module';
import { ApiKeyService } from './api-key.service';
import { declaredOperations } from './access-declarations';
import type { AccessRule } from './access.decorator';
import { UserService } from '../users/user.service';

/** Who calls: nobody signed in, each role, and an integrator API key. */
const CALLERS = ['anonymous', 'viewer', 'cx_lead', 'admin', 'apiKey'] as const;
type Caller = (typeof CALLERS)[number];
type Row = readonly [boolean, boolean, boolean, boolean, boolean];

const Y = true;
const n = false;
//                    anonymous viewer cx_lead admin apiKey
const PUBLIC: Row = [Y, Y, Y, Y, Y];
const VIEWER: Row = [n, Y, Y, Y, n];
const CX_LEAD: Row = [n, n, Y, Y, n];
const ADMIN: Row = [n, n, n, Y, n];
const INGEST: Row = [n, n, n, n, Y];

/**
 * The permission matrix: every operation, and who may call it. Adding an operation to the schema
 * without adding it here fails this test; so does a guard that answers differently.
 */
const MATRIX: Record<string, Row> = {
  'Subscription.actionStatusChanged': VIEWER,
  'Subscription.noticeDelivered': VIEWER,
  'Subscription.feedbackReceived': VIEWER,
  'Subscription.themeChanged': VIEWER,
  'Query.action': VIEWER,
  'Query.actionList': VIEWER,
  'Query.actionImpact': VIEWER,
  'Query.announcePreview': CX_LEAD,
  'Query.actions': VIEWER,
  'Query.apiKeys': ADMIN,
  'Query.deadLetterCounts': ADMIN,
  'Query.deadLetters': ADMIN,
  'Query.feedback': VIEWER,
  'Query.feedbackByEventKey': VIEWER,
  'Query.customer': VIEWER,
  'Query.customers': VIEWER,
  'Query.experienceMap': VIEWER,
  'Query.feedbackItems': VIEWER,
  'Query.loopBreakdown': VIEWER,
  'Query.loopFlow': VIEWER,
  'Query.loopMeasures': VIEWER,
  'Query.me': VIEWER,
  'Query.myNotices': VIEWER,
  'Query.researchPrompt': VIEWER,
  'Query.researchPrompts': VIEWER,
  'Query.satisfactionTrend': VIEWER,
  'Query.settings': VIEWER,
  'Query.theme': VIEWER,
  'Query.themeSplitProposal': VIEWER,
  'Query.themes': VIEWER,
  'Query.users': ADMIN,
  'Mutation.announceAction': CX_LEAD,
  'Mutation.addActionComment': CX_LEAD,
  'Mutation.changeActionStatus': CX_LEAD,
  'Mutation.changeMyPassword': VIEWER,
  'Mutation.closeResearchPrompt': CX_LEAD,
  'Mutation.createAction': CX_LEAD,
  'Mutation.createApiKey': ADMIN,
  'Mutation.discardDeadLetters': ADMIN,
  'Mutation.replayDeadLetters': ADMIN,
  'Mutation.createResearchPrompt': CX_LEAD,
  'Mutation.createUser': ADMIN,
  'Mutation.disableUser': ADMIN,
  'Mutation.enableUser': ADMIN,
  'Mutation.eraseCustomer': ADMIN,
  'Mutation.linkFeedbackToAction': CX_LEAD,
  'Mutation.linkThemesToAction': CX_LEAD,
  'Mutation.markNoticesRead': VIEWER,
  'Mutation.markThemeNoise': CX_LEAD,
  'Mutation.mergeThemes': CX_LEAD,
  'Mutation.moveFeedbackToTheme': CX_LEAD,
  'Mutation.pinTheme': CX_LEAD,
  'Mutation.renameTheme': CX_LEAD,
  'Mutation.resetUserPassword': ADMIN,
  'Mutation.revokeApiKey': ADMIN,
  'Mutation.signIn': PUBLIC,
  'Mutation.signOut': VIEWER,
  'Mutation.splitTheme': CX_LEAD,
  'Mutation.unlinkThemeFromAction': CX_LEAD,
  'Mutation.updateAction': CX_LEAD,
  'Mutation.submitCrmRecord': INGEST,
  'Mutation.submitFeedbackBatch': INGEST,
  'Mutation.submitSocialPost': INGEST,
  'Mutation.submitStaffReport': INGEST,
  'Mutation.submitSurveyResponse': INGEST,
  'Mutation.updateSettings': ADMIN,
  'Mutation.updateUser': ADMIN,
};

const PASSWORD = 'matrix test passphrase';
const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** A value the schema accepts for an input type: required fields only, lists of one. */
function sample(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType as GraphQLInputType)];
  if (isEnumType(inner))
    return inner.getValues()[0]?.value === undefined ? null : inner.getValues()[0]?.name;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  switch (inner.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return new Date().toISOString();
    default:
      return 'x';
  }
}

/** An operation document calling one root field with sample arguments, selecting only __typename. */
function document(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables = Object.fromEntries(args.map((a) => [a.name, sample(a.type)]));
  const params = args.length
    ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})`
    : '';
  const callArgs = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
  return { query: `${kind} Matrix${params} { ${field.name}${callArgs}${selection} }`, variables };
}

function rowOf(rule: AccessRule | undefined): Row | undefined {
  if (!rule) return undefined;
  if (rule.kind === 'public') return PUBLIC;
  if (rule.kind === 'ingest') return INGEST;
  return { viewer: VIEWER, cx_lead: CX_LEAD, admin: ADMIN }[rule.minimum];
}

describe('permission matrix, on real PostgreSQL', () => {
  let api: GraphqlTestApp;
  let schema: GraphQLSchema;
  const tokens = new Map<Caller, string | undefined>();
  const emails: Record<string, string> = {};

  const signIn = async (role: string): Promise<string> => {
    const answer = await api.call(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: emails[role], p: PASSWORD },
    );
    const token = (answer.data?.['signIn'] as { token?: string } | undefined)?.token;
    if (!token) throw new Error(`sign-in as ${role} failed: ${JSON.stringify(answer.errors)}`);
    return token;
  };

  beforeAll(async () => {
    api = await startGraphqlTestApp();
    schema = api.app.get(GraphQLSchemaHost).schema;
    const users = api.app.get(UserService);
    for (const role of ['viewer', 'cx_lead', 'admin'] as const) {
      emails[role] = `${role}@matrix.example`;
      await users.create({ email: emails[role], name: `Matrix ${role}`, role, password: PASSWORD });
      tokens.set(role, await signIn(role));
    }
    tokens.set('anonymous', undefined);
    tokens.set(
      'apiKey',
      (
        await api.app
          .get(ApiKeyService)
          .create('matrix', ['survey', 'social', 'crm', 'staff'], 'test')
      ).key,
    );
  });
  afterAll(() => api?.close());

  const schemaOperations = () =>
    (['Query', 'Mutation', 'Subscription'] as const).flatMap((name) => {
      const type =
        name === 'Query'
          ? schema.getQueryType()
          : name === 'Mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      return type
        ? Object.values(type.getFields()).map((field) => ({
            name,
            field,
            key: `${name}.${field.name}`,
          }))
        : [];
    });

  it('lists every operation of the schema, and nothing else', () => {
    const inSchema = schemaOperations()
      .map((o) => o.key)
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(inSchema);
  });

  it('allows and denies every query and mutation as the table says, for every caller', async () => {
    const differences: string[] = [];
    for (const { name, field, key } of schemaOperations()) {
      if (name === 'Subscription') continue;
      const expected = MATRIX[key];
      if (!expected) continue;
      for (const [index, caller] of CALLERS.entries()) {
        let token = tokens.get(caller);
        // signOut ends the session it is called with: give it one of its own.
        if (key === 'Mutation.signOut' && caller !== 'anonymous' && caller !== 'apiKey')
          token = await signIn(caller);
        const { query, variables } = document(name === 'Query' ? 'query' : 'mutation', field);
        if (key === 'Mutation.signIn')
          Object.assign(variables, { email: emails['viewer'], password: PASSWORD });
        const answer = await api.call(query, variables, token);
        const codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? 'none');
        expect(codes).not.toContain('GRAPHQL_VALIDATION_FAILED');
        const allowed = !codes.some((c) => DENIED.has(c));
        if (allowed !== expected[index]) {
          differences.push(
            `${key} as ${caller}: expected ${expected[index] ? 'allow' : 'deny'}, got ${codes.join(',') || 'allowed'}`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('declares on every subscription the access the table gives it (they cannot be called over HTTP)', () => {
    const declared = new Map(
      declaredOperations(GRAPHQL_RESOLVERS).map((d) => [d.operation, d.rule]),
    );
    const subscriptions = schemaOperations().filter((o) => o.name === 'Subscription');
    for (const { key } of subscriptions)
      expect([key, rowOf(declared.get(key))]).toEqual([key, MATRIX[key]]);
  });
});
