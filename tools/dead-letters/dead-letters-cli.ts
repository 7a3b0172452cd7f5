/**
 * Dead letters from the command line (DATABASE_URL, KAFKA_BROKERS):
 *   npm run dead-letters -- counts
 *   npm run dead-letters -- list [--status open|replayed|discarded] [--topic feedback.survey.v1] [--limit 50]
 *   npm run dead-letters -- replay <id>... | --all-open [--topic feedback.survey.v1]
 *   npm run dead-letters -- discard <id>... --note "why"
 * A replay writes each open dead letter back to its source topic (after a fix) and marks it
 * replayed; consumers' effects are keyed, so nothing is doubled. The actor recorded is $USER@cli.
 */
import {
  countDeadLetters,
  DEAD_LETTER_STATUSES,
  discardDeadLetters,
  listDeadLetters,
  replayDeadLetters,
  type DeadLetterResolution,
  type DeadLetterStatus,
} from '@closedloop/dead-letters-data-access';
import { KafkaMessageBus } from '@closedloop/messaging';
import { createDataSource } from '@closedloop/persistence';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';

const USAGE =
  'usage: npm run dead-letters -- counts | list [--status S] [--topic T] [--limit N] | replay <id>... | replay --all-open [--topic T] | discard <id>... --note "why"';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    status: { type: 'string' },
    topic: { type: 'string' },
    limit: { type: 'string', default: '50' },
    note: { type: 'string' },
    'all-open': { type: 'boolean', default: false },
  },
});

const actor = `${userInfo().username}@cli`;

function statusOf(text: string | undefined): DeadLetterStatus | null {
  if (text === undefined) return null;
  if (!(DEAD_LETTER_STATUSES as readonly string[]).includes(text))
    throw new Error(`--status must be one of ${DEAD_LETTER_STATUSES.join(', ')}, got ${text}`);
  return text as DeadLetterStatus;
}

function report(verb: string, outcome: DeadLetterResolution): void {
  process.stdout.write(`${verb} ${outcome.done.length}\n`);
  for (const skip of outcome.skipped) process.stdout.write(`skipped ${skip.id}: ${skip.reason}\n`);
}

/** Every open dead letter (of a topic), a page at a time: newest failure first. */
async function openIds(db: DataSource, topic: string | undefined): Promise<string[]> {
  const ids: string[] = [];
  let after: { failedAt: Date; id: string } | null = null;
  for (;;) {
    const page = await listDeadLetters(
      db,
      { status: 'open', sourceTopic: topic ?? null },
      500,
      after,
    );
    ids.push(...page.map((l) => l.id));
    const last = page.at(-1);
    if (!last || page.length < 500) return ids;
    after = { failedAt: last.failedAt, id: last.id };
  }
}

async function run(db: DataSource, command: string | undefined, ids: string[]): Promise<void> {
  switch (command) {
    case 'counts': {
      const counts = await countDeadLetters(db);
      if (counts.length === 0) process.stdout.write('no dead letters\n');
      for (const c of counts) process.stdout.write(`${c.sourceTopic}\t${c.status}\t${c.count}\n`);
      return;
    }
    case 'list': {
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new Error(`--limit must be 1 to 1000, got ${values.limit}`);
      const letters = await listDeadLetters(
        db,
        { status: statusOf(values.status), sourceTopic: values.topic ?? null },
        limit,
      );
      for (const l of letters) {
        process.stdout.write(
          `${l.id}\t${l.failedAt.toISOString()}\t${l.status}\t${l.sourceTopic}\t${l.key ?? '-'}\t${l.reason}\n`,
        );
      }
      process.stdout.write(`${letters.length} shown\n`);
      return;
    }
    case 'replay': {
      const chosen = values['all-open'] ? await openIds(db, values.topic) : ids;
      if (chosen.length === 0) throw new Error(`nothing to replay\n${USAGE}`);
      const bus = new KafkaMessageBus({
        brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
        clientId: 'closedloop-dead-letters-cli',
      });
      try {
        report('replayed', await replayDeadLetters(db, bus, chosen, actor));
      } finally {
        await bus.close();
      }
      return;
    }
    case 'discard': {
      if (ids.length === 0 || !values.note?.trim())
        throw new Error(`discard needs ids and --note\n${USAGE}`);
      report('discarded', await discardDeadLetters(db, ids, actor, values.note));
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

async function main(): Promise<void> {
  const [command, ...ids] = positionals;
  const dataSource = createDataSource({
    url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/closedloop',
  });
  await dataSource.initialize();
  try {
    await run(dataSource, command, ids);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
