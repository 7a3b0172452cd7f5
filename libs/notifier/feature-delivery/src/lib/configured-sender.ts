import { resolveSenderSettings, senderFrom } from '@closedloop/access-domain';
import type { DataSource } from 'typeorm';

/** The From of change notices: the admins' sender settings, else the deployment's MAIL_FROM. */
export async function configuredSender(
  dataSource: DataSource,
  fallback: string,
): Promise<string | { name: string; address: string }> {
  const rows: { key: string; value: unknown }[] = await dataSource.query(
    `SELECT key, value FROM settings WHERE key IN ('senderName', 'senderAddress')`,
  );
  return senderFrom(resolveSenderSettings(new Map(rows.map((r) => [r.key, r.value]))), fallback);
}

/** How long the notifier reuses the sender it read: a change reaches mail within this time. */
export const SENDER_CACHE_MS = 5_000;

/**
 * The configured sender, read at most once per `ttlMs`, so a large announcement does not
 * read the settings once per email.
 */
export class CachedSender {
  private cached: { at: number; from: Promise<string | { name: string; address: string }> } | null =
    null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly fallback: string,
    private readonly ttlMs: number = SENDER_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<string | { name: string; address: string }> {
    const now = this.now();
    if (!this.cached || now - this.cached.at >= this.ttlMs) {
      const from = configuredSender(this.dataSource, this.fallback);
      this.cached = { at: now, from };
      // A failed read is not kept: the next email asks again.
      from.catch(() => {
        if (this.cached?.from === from) this.cached = null;
      });
    }
    return this.cached.from;
  }
}
