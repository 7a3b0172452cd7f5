import { generatePassword } from '@closedloop/access-domain';
import type { UserService } from '@closedloop/api-feature-graphql';

export interface DemoPerson {
  readonly email: string;
  readonly password: string;
  readonly role: 'admin' | 'cx_lead';
}

export const DEMO_ADMIN_EMAIL = 'admin@closedloop.local';
export const DEMO_LEAD_EMAIL = 'lead@closedloop.local';

/**
 * The people to sign in with in embedded mode: an admin (ADMIN_EMAIL / ADMIN_PASSWORD when given,
 * else a demo admin) and a demo CX lead. Demo passwords are new random ones on every start, printed
 * in the banner, like the integrator key; an admin from the environment keeps the given password.
 */
export async function ensureDemoPeople(
  users: UserService,
  given: { readonly email: string; readonly password: string } | null,
): Promise<DemoPerson[]> {
  const people: DemoPerson[] = [];
  if (given) {
    await users.ensureAdmin(given.email, 'Administrator', given.password);
    people.push({ email: given.email, password: given.password, role: 'admin' });
  } else {
    people.push(await withFreshPassword(users, DEMO_ADMIN_EMAIL, 'Demo Admin', 'admin'));
  }
  people.push(await withFreshPassword(users, DEMO_LEAD_EMAIL, 'Demo CX Lead', 'cx_lead'));
  return people;
}

async function withFreshPassword(
  users: UserService,
  email: string,
  name: string,
  role: 'admin' | 'cx_lead',
): Promise<DemoPerson> {
  const password = generatePassword();
  const existing = await users.byEmail(email);
  if (existing) {
    await users.resetPassword(existing.id, password);
    if (existing.disabledAt) await users.enable(existing.id);
  } else {
    await users.create({ email, name, role, password });
  }
  return { email, password, role };
}
