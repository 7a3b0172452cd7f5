import { randomUUID } from 'node:crypto';
import { startGraphqlTestApp, type GraphqlTestApp } from '../../testing/graphql-test-app';
import { UserService } from './user.service';

const PASSWORD = 'people test passphrase';
const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
  answer.errors?.[0]?.extensions?.code;

describe('people, sessions and sign-in, on real PostgreSQL', () => {
  let api: GraphqlTestApp;
  const signIn = (email: string, password = PASSWORD) =>
    api.call(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token expiresAt user { email role } } }',
      {
        e: email,
        p: password,
      },
    );
  const tokenOf = (answer: Awaited<ReturnType<typeof signIn>>) =>
    (answer.data?.['signIn'] as { token: string }).token;
  const me = (token: string) => api.call('{ me { email role } }', {}, token);

  beforeAll(async () => {
    api = await startGraphqlTestApp({
      signInThrottle: { perEmail: 3, emailRefillSeconds: 600, perIp: 100, ipRefillSeconds: 1 },
      sessionLifetime: { idleMs: 60_000, maxMs: 3_600_000 },
    });
    const users = api.app.get(UserService);
    await users.create({
      email: 'Admin@People.example',
      name: 'Ada Admin',
      role: 'admin',
      password: PASSWORD,
    });
    await users.create({
      email: 'lead@people.example',
      name: 'Lee Lead',
      role: 'cx_lead',
      password: PASSWORD,
    });
  });
  afterAll(() => api?.close());

  it('signs in regardless of email case, with a session that expires after the idle time', async () => {
    const before = Date.now();
    const answer = await signIn('admin@people.EXAMPLE');
    expect(answer.errors).toBeUndefined();
    const result = answer.data?.['signIn'] as {
      token: string;
      expiresAt: string;
      user: { email: string; role: string };
    };
    expect(result.user).toEqual({ email: 'Admin@People.example', role: 'ADMIN' });
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expires = Date.parse(result.expiresAt) - before;
    expect(expires).toBeGreaterThan(55_000);
    expect(expires).toBeLessThan(65_000);
    expect((await me(result.token)).data).toEqual({
      me: { email: 'Admin@People.example', role: 'ADMIN' },
    });
  });

  it('answers the same for an unknown email and a wrong password, then throttles the email', async () => {
    const unknown = await signIn('nobody@people.example');
    const wrong = await signIn('lead@people.example', 'not the password at all');
    expect(unknown.errors?.[0]?.message).toBe('Wrong email or password');
    expect(wrong.errors?.[0]?.message).toBe('Wrong email or password');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    await signIn('lead@people.example', 'not the password at all');
    await signIn('lead@people.example', 'not the password at all');
    const throttled = await signIn('lead@people.example');
    expect(codeOf(throttled)).toBe('RATE_LIMITED');
  });

  it('ends a session on sign-out and all of a person’s sessions when they are disabled', async () => {
    const admin = tokenOf(await signIn('admin@people.example'));
    const created = await api.call(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id role } }',
      {
        i: { email: 'vic@people.example', name: 'Vic Viewer', role: 'VIEWER', password: PASSWORD },
      },
      admin,
    );
    const vic = (created.data?.['createUser'] as { id: string }).id;
    const first = tokenOf(await signIn('vic@people.example'));
    const second = tokenOf(await signIn('vic@people.example'));
    await api.call('mutation { signOut }', {}, first);
    expect(codeOf(await me(first))).toBe('UNAUTHENTICATED');
    expect((await me(second)).errors).toBeUndefined();

    await api.call(
      'mutation($id: ID!) { disableUser(id: $id) { disabledAt } }',
      { id: vic },
      admin,
    );
    expect(codeOf(await me(second))).toBe('UNAUTHENTICATED');
    expect(codeOf(await signIn('vic@people.example'))).toBe('UNAUTHENTICATED');
    await api.call('mutation($id: ID!) { enableUser(id: $id) { id } }', { id: vic }, admin);
    expect((await signIn('vic@people.example')).errors).toBeUndefined();
  });

  it('keeps the last admin: nobody disables or demotes themselves or the only admin', async () => {
    const admin = tokenOf(await signIn('admin@people.example'));
    const people = (await api.call('{ users { edges { node { id email } } } }', {}, admin)).data?.[
      'users'
    ] as {
      edges: { node: { id: string; email: string } }[];
    };
    const adminId = people.edges.find((e) => e.node.email === 'Admin@People.example')?.node.id;
    expect(
      codeOf(
        await api.call(
          'mutation($id: ID!) { disableUser(id: $id) { id } }',
          { id: adminId },
          admin,
        ),
      ),
    ).toBe('LAST_ADMIN');
    expect(
      codeOf(
        await api.call(
          'mutation($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { id } }',
          { id: adminId },
          admin,
        ),
      ),
    ).toBe('LAST_ADMIN');
  });

  it('refuses a weak password with the reason, and changing one’s password ends the other sessions', async () => {
    const admin = tokenOf(await signIn('admin@people.example'));
    const weak = await api.call(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email: 'weak@people.example', name: 'Weak', role: 'VIEWER', password: 'short' } },
      admin,
    );
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0]?.message).toContain('at least 12 characters');

    const other = tokenOf(await signIn('admin@people.example'));
    const changed = await api.call(
      'mutation($c: String!, $n: String!) { changeMyPassword(current: $c, next: $n) }',
      { c: PASSWORD, n: 'a brand new passphrase' },
      admin,
    );
    expect(changed.data).toEqual({ changeMyPassword: true });
    expect((await me(admin)).errors).toBeUndefined();
    expect(codeOf(await me(other))).toBe('UNAUTHENTICATED');
  });

  it('lets admins manage API keys; the key is shown once and works only for ingest until revoked', async () => {
    const admin = tokenOf(await signIn('admin@people.example', 'a brand new passphrase'));
    const created = await api.call(
      'mutation { createApiKey(name: "Survey tool", scopes: [SURVEY]) { key apiKey { id prefix scopes } } }',
      {},
      admin,
    );
    const { key, apiKey } = created.data?.['createApiKey'] as {
      key: string;
      apiKey: { id: string; prefix: string; scopes: string[] };
    };
    expect(key.startsWith(`clk_${apiKey.prefix}_`)).toBe(true);
    expect(apiKey.scopes).toEqual(['SURVEY']);
    const listed = await api.call('{ apiKeys { id revokedAt } }', {}, admin);
    expect(listed.data?.['apiKeys']).toEqual([{ id: apiKey.id, revokedAt: null }]);
    expect(codeOf(await api.call('{ feedbackItems(first: 1) { totalCount } }', {}, key))).toBe('FORBIDDEN');
    const revoked = await api.call(
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      admin,
    );
    expect(
      (revoked.data?.['revokeApiKey'] as { revokedAt: string | null }).revokedAt,
    ).not.toBeNull();
  });

  it('keeps settings typed, with defaults, changed by admins only', async () => {
    const admin = tokenOf(await signIn('admin@people.example', 'a brand new passphrase'));
    const lead = tokenOf(await signIn('vic@people.example'));
    expect(
      (await api.call('{ settings { impactWindowWeeks regressionThresholdPercent } }', {}, lead))
        .data,
    ).toEqual({
      settings: { impactWindowWeeks: 8, regressionThresholdPercent: 25 },
    });
    const bad = await api.call(
      'mutation { updateSettings(input: { impactWindowWeeks: 53 }) { impactWindowWeeks } }',
      {},
      admin,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const good = await api.call(
      'mutation { updateSettings(input: { impactWindowWeeks: 12 }) { impactWindowWeeks regressionThresholdPercent updatedBy } }',
      {},
      admin,
    );
    expect(good.data).toEqual({
      updateSettings: {
        impactWindowWeeks: 12,
        regressionThresholdPercent: 25,
        updatedBy: 'Admin@People.example',
      },
    });

    // An action's impact without a window uses the setting; a given window still wins.
    const actionId = randomUUID();
    await api.db.dataSource.query(
      `INSERT INTO actions (id, title, description, status, created_at, updated_at, shipped_at)
       VALUES ($1, 'Faster refunds', '', 'shipped', now() - interval '30 days', now(), now() - interval '14 days')`,
      [actionId],
    );
    const IMPACT =
      'query($a: ID!, $w: Int) { actionImpact(actionId: $a, windowWeeks: $w) { windowWeeks } }';
    expect((await api.call(IMPACT, { a: actionId }, lead)).data).toEqual({
      actionImpact: { windowWeeks: 12 },
    });
    expect((await api.call(IMPACT, { a: actionId, w: 3 }, lead)).data).toEqual({
      actionImpact: { windowWeeks: 3 },
    });
  });
});
