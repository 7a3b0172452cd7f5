/** The people who sign in to the portal, from least to most trusted. */
export const ROLES = ['viewer', 'cx_lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an operation needs:
 * - `read`: see feedback, themes, actions, prompts, notices, settings (viewer and up);
 * - `change`: correct themes, track actions and announce them, run research prompts (CX lead and up);
 * - `administer`: manage people, API keys and settings (admin).
 * Ingest is not a level people have: only integrator API keys may ingest.
 */
export const ACCESS_LEVELS = ['read', 'change', 'administer'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

const LEVEL_OF_ROLE: Record<Role, number> = { viewer: 0, cx_lead: 1, admin: 2 };
const LEVEL_NEEDED: Record<AccessLevel, number> = { read: 0, change: 1, administer: 2 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a role may perform operations of this level. */
export function roleAllows(role: Role, level: AccessLevel): boolean {
  return LEVEL_OF_ROLE[role] >= LEVEL_NEEDED[level];
}

/** The least role that may perform operations of this level. */
export function minimumRole(level: AccessLevel): Role {
  return ROLES[LEVEL_NEEDED[level]] as Role;
}

const RANK: Record<Role, number> = { viewer: 0, cx_lead: 1, admin: 2 };

/** Whether a role is at least the given one (viewer < cx_lead < admin). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}
