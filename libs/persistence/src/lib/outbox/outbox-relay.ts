import { MessageHeaders } from '@closedloop/contracts';
import {
  silentLogger,
  type MessageBus,
  type MessagingLogger,
  type RawMessage,
} from '@closedloop/messaging';
import { AsyncResource } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

export interface OutboxRelayOptions {
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly logger?: MessagingLogger;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows to the bus in order, then marks them published.
 * Several relays may run at once (rows are locked with SKIP LOCKED). A crash between publish
 * and mark republishes: consumers are idempotent, so that changes nothing.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly logger: MessagingLogger;
  /**
   * The async context the relay was made in (the application's start): its passes run there, not
   * in the context of whichever request or message nudged it, so they never log under its
   * correlation id.
   */
  private readonly scope = new AsyncResource('closedloop.outbox-relay');

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MessageBus,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.batchSize = options.batchSize ?? 500;
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes everything pending now; resolves with the number of messages published. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.batchSize) return total;
    }
  }

  /** Asks for a pass soon, e.g. right after a transaction that wrote to the outbox committed. */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.scope.runInAsyncScope(() => this.pass()), delayMs);
  }

  private pass(): void {
    this.running = this.flush()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.logger.warn('outbox relay pass failed', { error: String(error) }),
      )
      .finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.pollIntervalMs);
      });
  }

  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, topic, message_key, payload, headers FROM outbox
         WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, RawMessage[]>();
      for (const row of rows) {
        const batch = byTopic.get(row.topic) ?? [];
        batch.push({
          key: row.message_key,
          value: Buffer.from(JSON.stringify(row.payload), 'utf8'),
          headers: {
            [MessageHeaders.contentType]: 'application/json',
            [MessageHeaders.schemaVersion]: '1',
            ...row.headers,
          },
        });
        byTopic.set(row.topic, batch);
      }
      for (const [topic, messages] of byTopic) {
        await this.bus.publishRaw(topic, messages);
      }
      await manager.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [
        rows.map((r) => r.seq),
      ]);
      return rows.length;
    });
  }
}
