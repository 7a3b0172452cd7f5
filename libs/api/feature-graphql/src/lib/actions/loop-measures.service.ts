import {
  listOwnerNotices,
  loadImpact,
  loopMeasures,
  markOwnerNoticesRead,
  type LoopGrouping,
  type LoopRow,
} from '@closedloop/actions-data-access';
import { isUuid } from '@closedloop/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { ActionImpact } from './action-impact.model';
import type {
  LoopBreakdownBy,
  LoopFigures,
  LoopFilterInput,
  LoopMeasures,
  OwnerNotice,
} from './loop-measures.model';

const SOURCES = ['survey', 'social', 'crm', 'staff'];
const MAX_SPAN_DAYS = 731;

const toFigures = (row: LoopRow): LoopFigures => ({
  ...row,
  openLoops: Object.entries(row.openLoops).map(([age, count]) => ({ age, count })),
});

/** Impact of shipped actions, the loop measures and owners' portal notices (SQL in actions-data-access). */
@Injectable()
export class LoopMeasuresService {
  constructor(private readonly dataSource: DataSource) {}

  async impact(actionId: string, windowWeeks: number): Promise<ActionImpact | null> {
    if (!Number.isInteger(windowWeeks) || windowWeeks < 1 || windowWeeks > 52) {
      throw apiError('BAD_USER_INPUT', `windowWeeks must be 1 to 52, got ${windowWeeks}`, {
        field: 'windowWeeks',
      });
    }
    if (!isUuid(actionId))
      throw apiError('NOT_FOUND', `No action with id ${actionId}`, { field: 'actionId' });
    const series = await loadImpact(this.dataSource.manager, actionId, windowWeeks, new Date());
    if (!series) return null;
    const side = (s: typeof series.before) => ({ ...s, weeks: s.weeks.map((w) => ({ ...w })) });
    return { ...series, before: side(series.before), after: side(series.after) };
  }

  async measures(filter: LoopFilterInput): Promise<LoopMeasures> {
    this.check(filter);
    const now = new Date();
    const [[overall], weekly] = await this.onRollups(async (m) => [
      await loopMeasures(m, filter, 'overall', now),
      await loopMeasures(m, filter, 'week', now),
    ]);
    return {
      overall: toFigures(
        overall ?? {
          key: null,
          feedback: 0,
          actioned: 0,
          actionedShare: null,
          told: 0,
          toldShare: null,
          medianHoursToAction: null,
          medianHoursToShip: null,
          medianHoursToNotice: null,
          openLoops: { '<7d': 0, '7-30d': 0, '30-90d': 0, '>90d': 0 },
        },
      ),
      weekly: weekly.map(toFigures),
    };
  }

  async breakdown(by: LoopBreakdownBy, filter: LoopFilterInput): Promise<LoopFigures[]> {
    this.check(filter);
    const rows = await this.onRollups((m) =>
      loopMeasures(m, filter, by as LoopGrouping, new Date()),
    );
    return rows.map(toFigures);
  }

  async notices(userId: string, unreadOnly: boolean): Promise<OwnerNotice[]> {
    const rows = await listOwnerNotices(this.dataSource.manager, userId, unreadOnly);
    return rows.map((r) => ({
      id: r.id,
      actionId: r.action_id,
      kind: r.kind,
      message: r.message,
      createdAt: new Date(r.created_at),
      readAt: r.read_at ? new Date(r.read_at) : null,
    }));
  }

  async markRead(userId: string, ids: string[]): Promise<number> {
    const bad = ids.filter((id) => !isUuid(id));
    if (bad.length > 0 || ids.length > 500) {
      throw apiError(
        'BAD_USER_INPUT',
        `ids must be up to 500 notice ids${bad.length ? `; not ids: ${bad.join(', ')}` : ''}`,
        {
          field: 'ids',
        },
      );
    }
    return markOwnerNoticesRead(this.dataSource.manager, userId, ids, new Date());
  }

  /**
   * The measures read roll-ups (a few thousand rows at most), so they need no extra sort memory;
   * parallel workers only cost start-up time at this size and under many clients, so they are off.
   */
  private onRollups<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL max_parallel_workers_per_gather = 0');
      return work(manager);
    });
  }

  private check(filter: LoopFilterInput): void {
    const span = (filter.to.getTime() - filter.from.getTime()) / 86_400_000;
    if (!(span > 0) || span > MAX_SPAN_DAYS) {
      throw apiError(
        'BAD_USER_INPUT',
        `filter.to must be after filter.from, at most ${MAX_SPAN_DAYS} days`,
        {
          field: 'filter.to',
        },
      );
    }
    if (filter.source && !SOURCES.includes(filter.source)) {
      throw apiError('BAD_USER_INPUT', `filter.source must be one of ${SOURCES.join(', ')}`, {
        field: 'filter.source',
      });
    }
    if (filter.ownerId && !isUuid(filter.ownerId)) {
      throw apiError('BAD_USER_INPUT', 'filter.ownerId is not an id', { field: 'filter.ownerId' });
    }
  }
}
