import {
  apiKeyMatches,
  apiKeyPrefix,
  generateApiKey,
  hashApiKey,
  parseScopes,
  type IngestScope,
} from '@closedloop/access-domain';
import { isUuid } from '@closedloop/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiKeyPrincipal } from './api-key-principal';

const CACHE_TTL_MS = 10_000;
const TOUCH_EVERY_MS = 60_000;

export interface ApiKeyListing {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: IngestScope[];
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  revoked_at: Date | null;
}

/** Creates, verifies and revokes integrator API keys. Keys are stored only as hashes. */
@Injectable()
export class ApiKeyService {
  private readonly logger = new Logger(ApiKeyService.name);
  /** Verified keys by the hash of the presented key, for a few seconds: revocation takes effect within CACHE_TTL_MS. */
  private readonly cache = new Map<string, { principal: ApiKeyPrincipal | null; until: number }>();
  private readonly touched = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  /** Makes a key; the returned `key` is the only time it is ever visible. */
  async create(
    name: string,
    scopes: readonly string[],
    createdBy: string,
  ): Promise<{ id: string; key: string; prefix: string; scopes: IngestScope[] }> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 100)
      throw new Error('An API key needs a name of 1 to 100 characters');
    const allowed = parseScopes(scopes);
    const { key, prefix, hash } = generateApiKey();
    const id = randomUUID();
    await this.dataSource.query(
      'INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, trimmed, prefix, hash, allowed, createdBy],
    );
    return { id, key, prefix, scopes: allowed };
  }

  /** Every key, newest first (never the key itself). */
  async list(): Promise<ApiKeyListing[]> {
    const rows: {
      id: string;
      name: string;
      prefix: string;
      scopes: string[];
      created_by: string;
      created_at: Date;
      revoked_at: Date | null;
      last_used_at: Date | null;
    }[] = await this.dataSource.query(
      'SELECT id, name, prefix, scopes, created_by, created_at, revoked_at, last_used_at FROM api_keys ORDER BY created_at DESC, id',
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      scopes: r.scopes as IngestScope[],
      createdBy: r.created_by,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  async revoke(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows: unknown[] = await this.dataSource.query(
      // A SELECT around the UPDATE: TypeORM answers an UPDATE with [rows, count], a SELECT with rows.
      'WITH revoked AS (UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id) SELECT id FROM revoked',
      [id],
    );
    this.cache.clear();
    return rows.length > 0;
  }

  /** Revokes every key with this name; returns how many. */
  async revokeByName(name: string): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      'WITH revoked AS (UPDATE api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL RETURNING id) SELECT id FROM revoked',
      [name],
    );
    this.cache.clear();
    return rows.length;
  }

  /** The principal of a presented key, or null when it is unknown, malformed or revoked. */
  async verify(presented: string, now = Date.now()): Promise<ApiKeyPrincipal | null> {
    const cacheKey = hashApiKey(presented);
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > now) {
      if (cached.principal) this.touch(cached.principal.id, now);
      return cached.principal;
    }
    const prefix = apiKeyPrefix(presented);
    let principal: ApiKeyPrincipal | null = null;
    if (prefix) {
      const rows: ApiKeyRow[] = await this.dataSource.query(
        'SELECT id, name, prefix, key_hash, scopes, revoked_at FROM api_keys WHERE prefix = $1',
        [prefix],
      );
      const row = rows[0];
      if (row && !row.revoked_at && apiKeyMatches(presented, row.key_hash)) {
        principal = {
          id: row.id,
          name: row.name,
          prefix: row.prefix,
          scopes: row.scopes as IngestScope[],
        };
      }
    }
    this.cache.set(cacheKey, { principal, until: now + CACHE_TTL_MS });
    if (principal) this.touch(principal.id, now);
    return principal;
  }

  /** Records last use, at most once a minute per key, without holding the request. */
  private touch(id: string, now: number): void {
    if ((this.touched.get(id) ?? 0) + TOUCH_EVERY_MS > now) return;
    this.touched.set(id, now);
    this.dataSource
      .query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [id])
      .catch((error: unknown) =>
        this.logger.warn(`could not record last use of API key ${id}: ${String(error)}`),
      );
  }
}
