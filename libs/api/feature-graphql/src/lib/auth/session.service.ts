import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  hashSessionToken,
  needsRehash,
  newSessionToken,
  sessionExpiry,
  sessionState,
  shouldExtend,
  SignInThrottle,
  verifyPassword,
  type Role,
  type SessionLifetime,
} from '@closedloop/access-domain';
import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { unauthenticated } from './auth-errors';
import type { UserPrincipal } from './user-principal';

export const SESSION_LIFETIME = Symbol('SESSION_LIFETIME');
export const SIGN_IN_THROTTLE = Symbol('SIGN_IN_THROTTLE');

const WRONG_CREDENTIALS = 'Wrong email or password';

interface SessionRow {
  session_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  disabled_at: Date | null;
}

export interface SignedIn {
  readonly token: string;
  readonly expiresAt: Date;
  readonly userId: string;
}

/** Signs people in and out and verifies their session tokens (stored only as SHA-256 hashes). */
@Injectable()
export class SessionService {
  /** Checked when the email is unknown, so an unknown email takes as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SESSION_LIFETIME) private readonly lifetime: SessionLifetime,
    @Inject(SIGN_IN_THROTTLE) private readonly throttle: SignInThrottle,
  ) {}

  /**
   * Checks email and password and opens a session. Every failure (unknown email, wrong password,
   * disabled account) says the same; repeated failures per email or address are refused for a while.
   */
  async signIn(email: string, password: string, ip: string, now = new Date()): Promise<SignedIn> {
    const throttled = this.throttle.check(email, ip, now.getTime());
    if (!throttled.allowed) {
      throw new GraphQLError(
        `Too many failed sign-ins; try again in ${Math.ceil(throttled.retryAfterMs / 1000)} s`,
        { extensions: { code: 'RATE_LIMITED', retryAfterMs: throttled.retryAfterMs } },
      );
    }
    const rows: { id: string; password_hash: string; disabled_at: Date | null }[] =
      await this.dataSource.query(
        'SELECT id, password_hash, disabled_at FROM users WHERE lower(email) = lower($1)',
        [email.trim()],
      );
    const user = rows[0];
    this.dummyHash ??= hashPassword('not anyone’s password');
    const ok = await verifyPassword(password, user?.password_hash ?? (await this.dummyHash));
    if (!user || !ok || user.disabled_at) {
      this.throttle.failed(email, ip, now.getTime());
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    if (needsRehash(user.password_hash, DEFAULT_SCRYPT_PARAMS)) {
      await this.dataSource.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
        user.id,
        await hashPassword(password),
      ]);
    }
    const { token, hash } = newSessionToken();
    const expiresAt = sessionExpiry(now, now, this.lifetime);
    await this.dataSource.query(
      'INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)',
      [randomUUID(), user.id, hash, now, expiresAt],
    );
    await this.dataSource.query('UPDATE users SET last_sign_in_at = $2 WHERE id = $1', [
      user.id,
      now,
    ]);
    return { token, expiresAt, userId: user.id };
  }

  /** The person behind a session token, or null when the token is unknown, expired, revoked or the user disabled. */
  async verify(token: string, now = new Date()): Promise<UserPrincipal | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at,
              u.id AS user_id, u.email, u.name, u.role, u.disabled_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [hashSessionToken(token)],
    );
    const row = rows[0];
    if (!row || row.disabled_at) return null;
    if (sessionState({ expiresAt: row.expires_at, revokedAt: row.revoked_at }, now) !== 'active')
      return null;
    if (shouldExtend(row.last_seen_at, now)) {
      await this.dataSource.query(
        'UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1',
        [row.session_id, now, sessionExpiry(row.created_at, now, this.lifetime)],
      );
    }
    return {
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      sessionId: row.session_id,
    };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
  }

  /** Ends every session of a user, except one when given (the caller's own). */
  async revokeSessionsOf(userId: string, exceptSessionId: string | null = null): Promise<void> {
    await this.dataSource.query(
      'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)',
      [userId, exceptSessionId],
    );
  }
}
