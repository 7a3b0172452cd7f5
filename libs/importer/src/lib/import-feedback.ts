import { INBOUND_TOPICS, feedbackEventKey, type FeedbackSource, type InboundFeedbackEvent } from '@closedloop/contracts';
import { describeSchemaIssues, type MessageBus, type OutgoingMessage } from '@closedloop/messaging';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mapRow, type MappingRule } from './column-mapping';
import { readRows, type ExportFormat } from './read-rows';

export interface ImportOptions {
  readonly source: FeedbackSource;
  readonly file: string;
  readonly format: ExportFormat;
  readonly rules: readonly MappingRule[];
  /** Validate every row and report, producing nothing. */
  readonly dryRun: boolean;
  /** Skip the rows a previous, interrupted run of the same file already produced. */
  readonly resume: boolean;
  readonly batchSize: number;
  /** Where progress is kept between runs; default `<file>.import-state.json`. */
  readonly checkpointFile?: string;
  /** Needed unless dry-running. */
  readonly bus?: MessageBus;
  /** Which event keys are already stored, to count them as duplicates (optional). */
  readonly storedKeys?: (keys: readonly string[]) => Promise<Set<string>>;
  readonly onProgress?: (rowsDone: number) => void;
  /** Stops cleanly after the batch in hand; the checkpoint lets a later run resume. */
  readonly signal?: AbortSignal;
}

export interface ImportReport {
  readonly rows: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly rejections: readonly { readonly row: number; readonly reason: string }[];
  /** Rows skipped because an earlier run had produced them. */
  readonly resumedAfterRow: number;
  readonly interrupted: boolean;
}

interface Checkpoint {
  file: string;
  size: number;
  mtimeMs: number;
  source: FeedbackSource;
  lastRow: number;
}

function fileIdentity(file: string) {
  const stat = statSync(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * Imports an export of one source through Kafka, like every other producer: each row is mapped,
 * validated against the source's contract, and produced in batches (acknowledged by all in-sync
 * replicas) to the source's inbound topic; a checkpoint after every batch makes it resumable.
 */
export async function importFeedback(options: ImportOptions): Promise<ImportReport> {
  const topic = INBOUND_TOPICS[options.source];
  const checkpointFile = options.checkpointFile ?? `${options.file}.import-state.json`;
  const identity = fileIdentity(options.file);
  let resumedAfterRow = 0;
  if (options.resume && existsSync(checkpointFile)) {
    const saved = JSON.parse(readFileSync(checkpointFile, 'utf8')) as Checkpoint;
    if (saved.size !== identity.size || saved.mtimeMs !== identity.mtimeMs || saved.source !== options.source) {
      throw new Error(`${checkpointFile} belongs to another version of the file or another source; delete it to start over`);
    }
    resumedAfterRow = saved.lastRow;
  }
  if (!options.dryRun && !options.bus) throw new Error('a message bus is needed unless dry-running');

  const rejections: { row: number; reason: string }[] = [];
  const seen = new Set<string>();
  let rows = 0;
  let accepted = 0;
  let duplicates = 0;
  let batch: { row: number; key: string; event: InboundFeedbackEvent }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const stored = options.storedKeys ? await options.storedKeys(batch.map((b) => b.key)) : new Set<string>();
    const fresh = batch.filter((b) => !stored.has(b.key));
    duplicates += batch.length - fresh.length;
    if (!options.dryRun && fresh.length > 0) {
      const messages: OutgoingMessage<InboundFeedbackEvent>[] = fresh.map((b) => ({ key: b.key, value: b.event }));
      await (options.bus as MessageBus).publish(topic as never, messages);
    }
    accepted += fresh.length;
    const lastRow = (batch[batch.length - 1] as { row: number }).row;
    if (!options.dryRun) {
      const checkpoint: Checkpoint = { file: options.file, ...identity, source: options.source, lastRow };
      writeFileSync(checkpointFile, JSON.stringify(checkpoint));
    }
    batch = [];
  };

  let interrupted = false;
  for await (const row of readRows(options.file, options.format)) {
    if (row.number <= resumedAfterRow) continue;
    rows += 1;
    if (row.error) {
      rejections.push({ row: row.number, reason: row.error });
    } else {
      const mapped = mapRow(row.cells, options.rules);
      if (!mapped.ok) {
        rejections.push({ row: row.number, reason: mapped.reason });
      } else {
        const parsed = topic.schema.safeParse({ schemaVersion: 1, source: options.source, ...mapped.value });
        if (!parsed.success) {
          rejections.push({ row: row.number, reason: describeSchemaIssues(parsed.error) });
        } else {
          const event = parsed.data as InboundFeedbackEvent;
          const key = feedbackEventKey(event.source, event.externalId);
          if (seen.has(key)) {
            duplicates += 1;
          } else {
            seen.add(key);
            batch.push({ row: row.number, key, event });
          }
        }
      }
    }
    if (batch.length >= options.batchSize) {
      await flush();
      options.onProgress?.(rows);
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
    }
  }
  if (!interrupted) await flush();
  options.onProgress?.(rows);
  return { rows, accepted, duplicates, rejected: rejections.length, rejections, resumedAfterRow, interrupted };
}
