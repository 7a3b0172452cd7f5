/** Who did something: a user (id and name), the system (id null), or nobody signed in. */
export interface Actor {
  readonly id: string | null;
  readonly label: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };
export const UNKNOWN_ACTOR: Actor = { id: null, label: 'unknown' };
