import { createHash } from 'node:crypto';
import {
  hashSessionToken,
  newSessionToken,
  sessionExpiry,
  sessionLifetime,
  sessionState,
  shouldExtend,
} from './session-token';

describe('session tokens', () => {
  it('are 32 random bytes in base64url, stored as lowercase hex SHA-256', () => {
    const { token, hash } = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).toBe(hash);
    expect(newSessionToken().token).not.toBe(token);
  });

  it('expire after the idle time, and never later than the maximum after sign-in', () => {
    const lifetime = sessionLifetime(30, 2);
    const created = new Date('2026-01-01T00:00:00Z');
    expect(sessionExpiry(created, created, lifetime).toISOString()).toBe(
      '2026-01-01T00:30:00.000Z',
    );
    expect(sessionExpiry(created, new Date('2026-01-01T01:00:00Z'), lifetime).toISOString()).toBe(
      '2026-01-01T01:30:00.000Z',
    );
    expect(sessionExpiry(created, new Date('2026-01-01T01:50:00Z'), lifetime).toISOString()).toBe(
      '2026-01-01T02:00:00.000Z',
    );
    expect(() => sessionLifetime(0, 1)).toThrow('positive');
  });

  it('are active, expired or revoked', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(
      sessionState({ expiresAt: new Date('2026-01-01T00:00:01Z'), revokedAt: null }, now),
    ).toBe('active');
    expect(sessionState({ expiresAt: now, revokedAt: null }, now)).toBe('expired');
    expect(sessionState({ expiresAt: new Date('2027-01-01T00:00:00Z'), revokedAt: now }, now)).toBe(
      'revoked',
    );
    expect(shouldExtend(new Date(now.getTime() - 59_000), now)).toBe(false);
    expect(shouldExtend(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});
