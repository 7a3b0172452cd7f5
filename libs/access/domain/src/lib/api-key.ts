import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Sources an API key can be allowed to submit. */
export const INGEST_SCOPES = ['survey', 'social', 'crm', 'staff'] as const;
export type IngestScope = (typeof INGEST_SCOPES)[number];

const KEY_PATTERN = /^clk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  /** The whole key, shown to the admin once and never stored. */
  readonly key: string;
  /** Public part used to find the key; safe to show and log. */
  readonly prefix: string;
  /** What is stored: SHA-256 of the whole key, hex. */
  readonly hash: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key: `clk_<12 hex prefix>_<32 random bytes, base64url>`. */
export function generateApiKey(random: (size: number) => Buffer = randomBytes): NewApiKey {
  const prefix = random(6).toString('hex');
  const key = `clk_${prefix}_${random(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The prefix of a well-formed key, or null for anything else. */
export function apiKeyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Validates a list of scopes, naming the unknown ones. */
export function parseScopes(scopes: readonly string[]): IngestScope[] {
  const unknown = scopes.filter((s) => !(INGEST_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new Error(`Unknown scope ${unknown.join(', ')}; scopes are ${INGEST_SCOPES.join(', ')}`);
  }
  if (scopes.length === 0) throw new Error('An API key needs at least one scope');
  return [...new Set(scopes)] as IngestScope[];
}
