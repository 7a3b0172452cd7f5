import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { valuesList } from './sql/values-list';

export interface KnownCustomer {
  readonly email?: string;
  readonly externalId?: string;
  readonly name?: string;
}

/** An identity as one source knows it: `source` namespaces the external id. */
export interface IdentityRequest extends KnownCustomer {
  readonly source: string;
}

/**
 * Finds or creates the one customer behind an identity, inside the caller's transaction.
 * The source's own id wins over the email; the email ties channels together.
 */
export async function resolveCustomer(
  manager: EntityManager,
  source: string,
  identity: KnownCustomer,
): Promise<string> {
  const [customerId] = await resolveCustomers(manager, [{ ...identity, source }]);
  return customerId as string;
}

interface Group {
  readonly identityKey: string | undefined;
  readonly source: string;
  readonly externalId: string | undefined;
  email: string | undefined;
  name: string | undefined;
  customerId?: string;
}

const identityKeyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/**
 * Resolves many identities at once with a handful of multi-row statements, answering one customer
 * id per request, in order. Requests for the same source identity or the same email get the same
 * customer. Rows are written in a sorted order and with upserts, so concurrent intake of the same
 * new customer neither deadlocks nor creates two; when another transaction links a source identity
 * first, its customer wins.
 */
export async function resolveCustomers(
  manager: EntityManager,
  requests: readonly IdentityRequest[],
): Promise<string[]> {
  const known = await knownIdentities(manager, requests);
  const groups = new Map<string, Group>();
  const groupOf: (Group | string)[] = requests.map((request, index) => {
    const identityKey = request.externalId
      ? identityKeyOf(request.source, request.externalId)
      : undefined;
    const existing = identityKey ? known.get(identityKey) : undefined;
    if (existing) return existing;
    const key =
      identityKey ?? (request.email ? `email\u0000${request.email}` : `anonymous\u0000${index}`);
    let group = groups.get(key);
    if (!group) {
      group = {
        identityKey,
        source: request.source,
        externalId: request.externalId,
        email: undefined,
        name: undefined,
      };
      groups.set(key, group);
    }
    group.email ??= request.email;
    group.name ??= request.name;
    return group;
  });

  await upsertByEmail(
    manager,
    [...groups.values()].filter((g) => g.email),
  );
  const nameless = [...groups.values()].filter((g) => !g.email);
  for (const group of nameless) group.customerId = randomUUID();
  if (nameless.length > 0) {
    const values = valuesList(nameless.map((g) => [g.customerId, g.name ?? null]));
    await manager.query(`INSERT INTO customers (id, name) VALUES ${values.sql}`, values.params);
  }
  await linkIdentities(
    manager,
    [...groups.values()].filter((g) => g.identityKey),
  );

  return groupOf.map((g) => (typeof g === 'string' ? g : (g.customerId as string)));
}

async function knownIdentities(
  manager: EntityManager,
  requests: readonly IdentityRequest[],
): Promise<Map<string, string>> {
  const withId = requests.filter((r) => r.externalId);
  const known = new Map<string, string>();
  if (withId.length === 0) return known;
  const rows: { source: string; external_id: string; customer_id: string }[] = await manager.query(
    `SELECT source, external_id, customer_id FROM customer_identities
     WHERE (source, external_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [withId.map((r) => r.source), withId.map((r) => r.externalId)],
  );
  for (const row of rows) known.set(identityKeyOf(row.source, row.external_id), row.customer_id);
  return known;
}

async function upsertByEmail(manager: EntityManager, groups: readonly Group[]): Promise<void> {
  if (groups.length === 0) return;
  const byEmail = new Map<string, string | null>();
  for (const group of groups) {
    const email = group.email as string;
    if (!byEmail.get(email)) byEmail.set(email, group.name ?? null);
  }
  const emails = [...byEmail.keys()].sort();
  const values = valuesList(
    emails.map((email) => [randomUUID(), email, byEmail.get(email) ?? null]),
  );
  const rows: { id: string; email: string }[] = await manager.query(
    `INSERT INTO customers (id, email, name) VALUES ${values.sql}
     ON CONFLICT (email) WHERE email IS NOT NULL
     DO UPDATE SET name = COALESCE(customers.name, EXCLUDED.name)
     RETURNING id, email`,
    values.params,
  );
  const idByEmail = new Map(rows.map((r) => [r.email, r.id]));
  for (const group of groups) group.customerId = idByEmail.get(group.email as string);
}

async function linkIdentities(manager: EntityManager, groups: readonly Group[]): Promise<void> {
  if (groups.length === 0) return;
  const sorted = [...groups].sort((a, b) =>
    (a.identityKey as string) < (b.identityKey as string) ? -1 : 1,
  );
  const values = valuesList(
    sorted.map((g) => [randomUUID(), g.customerId, g.source, g.externalId]),
  );
  await manager.query(
    `INSERT INTO customer_identities (id, customer_id, source, external_id) VALUES ${values.sql}
     ON CONFLICT (source, external_id) DO NOTHING`,
    values.params,
  );
  // Another transaction may have linked the same identity first: its customer is the customer.
  const winners = await knownIdentities(
    manager,
    sorted.map((g) => ({ source: g.source, externalId: g.externalId })),
  );
  for (const group of sorted)
    group.customerId = winners.get(group.identityKey as string) ?? group.customerId;
}
