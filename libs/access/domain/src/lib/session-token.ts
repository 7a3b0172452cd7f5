import { createHash, randomBytes } from 'node:crypto';

export interface NewSessionToken {
  /** The bearer token, given to the client once and never stored. */
  readonly token: string;
  /** What is stored: lowercase hex SHA-256 of the token. */
  readonly hash: string;
}

/** 32 random bytes, base64url, and its hash. */
export function newSessionToken(random: (size: number) => Buffer = randomBytes): NewSessionToken {
  const token = random(32).toString('base64url');
  return { token, hash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** How long a session lives: it ends after `idleMs` without use, and at the latest `maxMs` after sign-in. */
export interface SessionLifetime {
  readonly idleMs: number;
  readonly maxMs: number;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = {
  idleMs: 720 * 60_000,
  maxMs: 168 * 3_600_000,
};

export function sessionLifetime(idleMinutes: number, maxHours: number): SessionLifetime {
  if (!(idleMinutes > 0) || !(maxHours > 0))
    throw new Error('session idle minutes and maximum hours must be positive');
  return { idleMs: idleMinutes * 60_000, maxMs: maxHours * 3_600_000 };
}

/** When a session used `now` expires: idle time from now, never past the absolute maximum. */
export function sessionExpiry(createdAt: Date, now: Date, lifetime: SessionLifetime): Date {
  return new Date(Math.min(now.getTime() + lifetime.idleMs, createdAt.getTime() + lifetime.maxMs));
}

export type SessionState = 'active' | 'expired' | 'revoked';

export function sessionState(
  session: { readonly expiresAt: Date; readonly revokedAt: Date | null },
  now: Date,
): SessionState {
  if (session.revokedAt) return 'revoked';
  return session.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** Extending the expiry on every request would write on every request; once a minute is enough. */
export function shouldExtend(lastSeenAt: Date, now: Date, everyMs = 60_000): boolean {
  return now.getTime() - lastSeenAt.getTime() >= everyMs;
}
