import { MessageHeaders } from '@closedloop/contracts';
import {
  countDeadLetters,
  discardDeadLetters,
  listDeadLetters,
  replayDeadLetters,
  type DeadLetter as KeptDeadLetter,
  type DeadLetterResolution,
} from '@closedloop/dead-letters-data-access';
import type { MessageBus } from '@closedloop/messaging';
import { MESSAGE_BUS } from '@closedloop/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { Connection } from '../pagination/connection.model';
import { checkPageSize, decodeCursor } from '../pagination/cursor';
import { millisUuidPosition } from '../pagination/sql-keys';
import { toConnection } from '../pagination/to-connection';
import {
  DeadLetterStatusValue,
  VALUE_PREVIEW_CHARS,
  type DeadLetter,
  type DeadLetterCount,
  type DeadLetterFilterInput,
} from './dead-letter.model';

/** Most dead letters one replay or discard takes. */
export const MAX_DEAD_LETTERS_PER_CALL = 500;

function toModel(letter: KeptDeadLetter): DeadLetter {
  const text = letter.value && letter.value.length > 0 ? letter.value.toString('utf8') : null;
  return {
    id: letter.id,
    sourceTopic: letter.sourceTopic,
    sourcePartition: letter.sourcePartition,
    sourceOffset: letter.sourceOffset,
    consumerGroup: letter.consumerGroup,
    reason: letter.reason,
    failedAt: letter.failedAt,
    key: letter.key,
    valuePreview: text === null ? null : text.slice(0, VALUE_PREVIEW_CHARS),
    valueBytes: letter.value?.length ?? 0,
    correlationId: letter.headers[MessageHeaders.correlationId] ?? null,
    status: letter.status as DeadLetterStatusValue,
    replayCount: letter.replayCount,
    resolvedAt: letter.resolvedAt,
    resolvedBy: letter.resolvedBy,
    note: letter.note,
  };
}

function checkIds(ids: readonly string[]): void {
  if (ids.length === 0) throw apiError('BAD_USER_INPUT', 'ids is empty', { field: 'ids' });
  if (ids.length > MAX_DEAD_LETTERS_PER_CALL) {
    throw apiError(
      'BAD_USER_INPUT',
      `ids holds ${ids.length} dead letters; at most ${MAX_DEAD_LETTERS_PER_CALL} at a time`,
      { field: 'ids' },
    );
  }
  const bad = ids.find((id) => !/^[0-9a-f-]{36}$/i.test(id));
  if (bad !== undefined)
    throw apiError('BAD_USER_INPUT', `ids: ${bad} is not an id`, { field: 'ids' });
}

@Injectable()
export class DeadLetterService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  async page(
    filter: DeadLetterFilterInput | null,
    first: number,
    after: string | null,
  ): Promise<Connection<DeadLetter>> {
    checkPageSize(first);
    const position = after ? millisUuidPosition(decodeCursor(after)) : null;
    const wanted = { status: filter?.status ?? null, sourceTopic: filter?.sourceTopic ?? null };
    const rows = await listDeadLetters(
      this.dataSource,
      wanted,
      first + 1,
      position ? { failedAt: position.at, id: position.id } : null,
    );
    const counts = await countDeadLetters(this.dataSource);
    const total = counts
      .filter(
        (c) =>
          (!wanted.status || c.status === wanted.status) &&
          (!wanted.sourceTopic || c.sourceTopic === wanted.sourceTopic),
      )
      .reduce((sum, c) => sum + c.count, 0);
    return toConnection(rows.map(toModel), first, total, (d) => ({
      key: d.failedAt.toISOString(),
      id: d.id,
    }));
  }

  async counts(): Promise<DeadLetterCount[]> {
    return (await countDeadLetters(this.dataSource)).map((c) => ({
      ...c,
      status: c.status as DeadLetterStatusValue,
    }));
  }

  replay(ids: readonly string[], actor: string): Promise<DeadLetterResolution> {
    checkIds(ids);
    return replayDeadLetters(this.dataSource, this.bus, ids, actor);
  }

  discard(ids: readonly string[], actor: string, note: string): Promise<DeadLetterResolution> {
    checkIds(ids);
    if (note.trim() === '')
      throw apiError('BAD_USER_INPUT', 'note is empty: say why they are discarded', {
        field: 'note',
      });
    return discardDeadLetters(this.dataSource, ids, actor, note);
  }
}
