import {
  DEFAULT_THEME_SPACE,
  mergeFeedback,
  moveFeedback,
  rebuildDailyStats,
  themeMembers,
  ThemeSpaceStore,
} from '@closedloop/themes-data-access';
import {
  dequantise,
  quantisedFromBytes,
  type ThemeEngine,
  type ThemeItem,
} from '@closedloop/themes-domain';
import { Injectable } from '@nestjs/common';
import { OutboxRelayService } from '@closedloop/platform';
import { isUuid } from '@closedloop/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { Feedback } from '../feedback/feedback.model';
import { FEEDBACK_SELECT, toFeedback, type FeedbackRow } from '../feedback/feedback.rows';
import type { Connection } from '../pagination/connection.model';
import { checkPageSize } from '../pagination/cursor';
import { toConnection } from '../pagination/to-connection';
import type { ThemeFilterInput, ThemeSort } from './theme-list.inputs';
import { themeListSql } from './theme-list.query';
import { recordPersonPlacement } from './person-placement';
import { enqueueThemeChanges, type NoteChange, type ThemeChangeNote } from './theme-changes';
import { QuotePolarity, Theme, ThemeBreakdown, ThemeDay, ThemeQuote } from './theme.model';
import { npsOf, THEME_SELECT, toTheme, type ThemeRow } from './theme.rows';

const MAX_LABEL = 80;
const MAX_IDS = 500;

/**
 * Reads themes for CX leads and applies their corrections. Every edit runs through the theme
 * engine under the theme space's lock (the same single writer as the pipeline's theming stage),
 * and moves the feedback rows and rebuilds the statistics it affects in the same transaction.
 */
@Injectable()
export class ThemeService {
  private readonly space = DEFAULT_THEME_SPACE;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ThemeSpaceStore,
    private readonly outbox: OutboxRelayService,
  ) {}

  /** A page of the default space's themes, filtered and sorted; the count only when asked for. */
  async page(
    filter: ThemeFilterInput | null | undefined,
    sort: ThemeSort,
    first: number,
    after: string | null | undefined,
    withTotal: boolean,
  ): Promise<Connection<Theme>> {
    const size = checkPageSize(first);
    const sql = themeListSql(this.space, filter, sort, size, after);
    const rows: (ThemeRow & { sort_key: string | number })[] = await this.dataSource.query(
      sql.page.sql,
      sql.page.params,
    );
    const total = withTotal
      ? Number(
          ((await this.dataSource.query(sql.count.sql, sql.count.params)) as { n: string }[])[0]
            ?.n ?? 0,
        )
      : 0;
    const keys = new Map(rows.map((r) => [r.id, r.sort_key]));
    return toConnection(rows.map(toTheme), size, total, (theme) => ({
      key: keys.get(theme.id) as string | number,
      id: theme.id,
    }));
  }

  async byId(id: string): Promise<Theme | null> {
    const rows: ThemeRow[] = await this.dataSource.query(`${THEME_SELECT} WHERE id = $1`, [id]);
    return rows[0] ? toTheme(rows[0]) : null;
  }

  /**
   * Representative quotes. Without a polarity: the engine's picks (central and varied). With
   * one: the theme's items of that sentiment with text, closest to the theme first, then newest.
   */
  async quotes(
    themeId: string,
    count: number,
    polarity: QuotePolarity | null = null,
  ): Promise<ThemeQuote[]> {
    const limit = Math.max(1, Math.min(count, 10));
    if (polarity) {
      const rows: QuoteRow[] = await this.dataSource.query(
        `SELECT id, text, theme_similarity, sentiment, sentiment_label, source, occurred_at FROM feedback
         WHERE theme_id = $1 AND sentiment_label = $2 AND text IS NOT NULL AND btrim(text) <> ''
         ORDER BY theme_similarity DESC NULLS LAST, occurred_at DESC, id LIMIT $3`,
        [themeId, polarity, limit],
      );
      return rows.map((r) => toQuote(r, r.theme_similarity ?? 0));
    }
    const picked = await this.store.read(this.dataSource.manager, this.space, (engine) => {
      if (!engine.theme(themeId)) return [];
      return engine.quotes(themeId, limit);
    });
    if (picked.length === 0) return [];
    const rows: QuoteRow[] = await this.dataSource.query(
      `SELECT id, text, theme_similarity, sentiment, sentiment_label, source, occurred_at FROM feedback
       WHERE id = ANY($1::uuid[])`,
      [picked.map((q) => q.id).filter(isUuid)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return picked.map((q) => {
      const row = byId.get(q.id);
      return row
        ? { ...toQuote(row, q.similarity), text: q.text }
        : {
            feedbackId: q.id,
            text: q.text,
            similarity: q.similarity,
            sentiment: null,
            sentimentLabel: null,
            source: null,
            occurredAt: null,
          };
    });
  }

  async feedback(themeId: string, first: number): Promise<Feedback[]> {
    const rows: FeedbackRow[] = await this.dataSource.query(
      `${FEEDBACK_SELECT} WHERE f.theme_id = $1 ORDER BY f.occurred_at DESC, f.id LIMIT $2`,
      [themeId, Math.max(1, Math.min(first, 500))],
    );
    return rows.map(toFeedback);
  }

  async days(themeId: string, days: number): Promise<ThemeDay[]> {
    const rows: {
      day: string;
      volume: string;
      sentiment_sum: number;
      sentiment_count: string;
      promoters: string;
      passives: string;
      detractors: string;
    }[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(volume) AS volume, sum(sentiment_sum) AS sentiment_sum,
                sum(sentiment_count) AS sentiment_count, sum(promoters) AS promoters, sum(passives) AS passives,
                sum(detractors) AS detractors
         FROM theme_daily_stats WHERE theme_id = $1 AND day > current_date - $2::int GROUP BY day ORDER BY day`,
      [themeId, Math.max(1, Math.min(days, 366))],
    );
    return rows.map((r) => ({
      day: r.day,
      volume: Number(r.volume),
      averageSentiment: averageOf(Number(r.sentiment_sum), Number(r.sentiment_count)),
      nps: npsOf(Number(r.promoters), Number(r.passives), Number(r.detractors)),
    }));
  }

  async breakdown(themeId: string, by: 'source' | 'journey_stage'): Promise<ThemeBreakdown[]> {
    const rows: { key: string; volume: string; sentiment_sum: number; sentiment_count: string }[] =
      await this.dataSource.query(
        `SELECT ${by} AS key, sum(volume) AS volume, sum(sentiment_sum) AS sentiment_sum, sum(sentiment_count) AS sentiment_count
       FROM theme_daily_stats WHERE theme_id = $1 GROUP BY ${by} ORDER BY 2 DESC, 1`,
        [themeId],
      );
    return rows.map((r) => ({
      key: r.key,
      volume: Number(r.volume),
      averageSentiment: averageOf(Number(r.sentiment_sum), Number(r.sentiment_count)),
    }));
  }

  async mergedFrom(themeId: string): Promise<Theme[]> {
    const rows: ThemeRow[] = await this.dataSource.query(
      `${THEME_SELECT} WHERE merged_into = $1 ORDER BY id`,
      [themeId],
    );
    return rows.map(toTheme);
  }

  async splitProposal(themeId: string): Promise<Feedback[]> {
    const ids = await this.store.read(this.dataSource.manager, this.space, (engine) => {
      this.requireActive(engine, themeId);
      return engine.proposeSplit(themeId);
    });
    return this.feedbackByIds(ids);
  }

  rename(themeId: string, label: string, actor = 'portal'): Promise<Theme> {
    const trimmed = label.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_LABEL) {
      throw apiError('BAD_USER_INPUT', `label must be 1 to ${MAX_LABEL} characters`, {
        field: 'label',
      });
    }
    return this.edit(themeId, actor, async (engine, _manager, note) => {
      this.require(engine, themeId);
      engine.rename(themeId, trimmed);
      note(themeId, 'renamed');
      return themeId;
    });
  }

  pin(themeId: string, pinned: boolean, actor = 'portal'): Promise<Theme> {
    return this.edit(themeId, actor, async (engine, _manager, note) => {
      this.require(engine, themeId);
      engine.pin(themeId, pinned);
      note(themeId, 'pinned');
      return themeId;
    });
  }

  markNoise(themeId: string, actor = 'portal'): Promise<Theme> {
    return this.edit(themeId, actor, async (engine, _manager, note) => {
      this.requireActive(engine, themeId);
      engine.markNoise(themeId);
      note(themeId, 'status-changed');
      return themeId;
    });
  }

  merge(targetId: string, sourceIds: readonly string[], actor = 'portal'): Promise<Theme> {
    if (sourceIds.length === 0 || sourceIds.length > 50) {
      throw apiError('BAD_USER_INPUT', 'sourceIds must name 1 to 50 themes', {
        field: 'sourceIds',
      });
    }
    return this.edit(targetId, actor, async (engine, manager, note) => {
      this.requireActive(engine, targetId);
      const sources = [...new Set(sourceIds.map((id) => engine.resolve(id)))].filter(
        (id) => id !== targetId,
      );
      for (const id of sources) this.requireActive(engine, id, 'sourceIds');
      engine.merge(targetId, sources);
      for (const id of sources) await mergeFeedback(manager, id, targetId);
      await rebuildDailyStats(manager, [targetId, ...sources]);
      for (const id of sources) note(id, 'merged', targetId);
      return targetId;
    });
  }

  split(themeId: string, feedbackIds: readonly string[] | null, actor = 'portal'): Promise<Theme> {
    if (feedbackIds && (feedbackIds.length === 0 || feedbackIds.length > MAX_IDS)) {
      throw apiError('BAD_USER_INPUT', `feedbackIds must name 1 to ${MAX_IDS} items`, {
        field: 'feedbackIds',
      });
    }
    return this.edit(themeId, actor, async (engine, manager, note) => {
      this.requireActive(engine, themeId);
      const chosen = feedbackIds
        ? await this.membersOf(manager, themeId, feedbackIds)
        : engine.proposeSplit(themeId);
      if (chosen.length === 0) {
        throw apiError(
          'BAD_USER_INPUT',
          `theme ${themeId} has no split to propose; choose the items to move`,
          { field: 'feedbackIds' },
        );
      }
      const created = engine.split(themeId, await this.themeItems(manager, chosen));
      await moveFeedback(manager, chosen, created);
      await recordPersonPlacement(manager, chosen, 'split');
      if (!feedbackIds) {
        // The engine's proposal is drawn from its samples: other members follow their nearer part.
        const rehomed = engine.rehomeMembers(
          themeId,
          created,
          await themeMembers(manager, themeId),
        );
        await moveFeedback(manager, rehomed, created);
      }
      await rebuildDailyStats(manager, [themeId, created]);
      note(created, 'split', themeId);
      return created;
    });
  }

  moveFeedback(feedbackIds: readonly string[], themeId: string, actor = 'portal'): Promise<Theme> {
    if (feedbackIds.length === 0 || feedbackIds.length > MAX_IDS) {
      throw apiError('BAD_USER_INPUT', `feedbackIds must name 1 to ${MAX_IDS} items`, {
        field: 'feedbackIds',
      });
    }
    return this.edit(themeId, actor, async (engine, manager, note) => {
      const target = engine.resolve(themeId);
      if (engine.theme(target)?.status === 'merged') this.requireActive(engine, target);
      const items = await this.themeItems(manager, feedbackIds);
      const previous: { id: string; theme_id: string | null }[] = await manager.query(
        'SELECT id, theme_id FROM feedback WHERE id = ANY($1::uuid[])',
        [items.map((i) => i.id)],
      );
      const from = new Map(previous.map((p) => [p.id, p.theme_id]));
      engine.moveItems(
        items.map((item) => {
          const current = from.get(item.id);
          return current && engine.theme(current) ? { item, fromThemeId: current } : { item };
        }),
        target,
      );
      await moveFeedback(
        manager,
        items.map((i) => i.id),
        target,
      );
      await recordPersonPlacement(
        manager,
        items.map((i) => i.id),
        'moved',
      );
      const affected = [target, ...previous.flatMap((p) => (p.theme_id ? [p.theme_id] : []))];
      await rebuildDailyStats(manager, affected);
      note(target, 'feedback-moved');
      return target;
    });
  }

  /**
   * Runs an edit under the space's lock in one transaction and enqueues theme.changed.v1 for
   * what it noted (read back after the engine saved, so labels and statuses are the new ones).
   */
  private async edit(
    themeId: string,
    actor: string,
    work: (engine: ThemeEngine, manager: EntityManager, note: NoteChange) => Promise<string>,
  ): Promise<Theme> {
    const resultId = await this.dataSource.transaction(async (manager) => {
      const known: unknown[] = await manager.query('SELECT 1 FROM themes WHERE id = $1', [themeId]);
      if (known.length === 0) throw apiError('NOT_FOUND', `No theme ${themeId}`, { field: 'id' });
      const notes: ThemeChangeNote[] = [];
      const result = await this.store.withSpace(manager, this.space, (engine) =>
        work(engine, manager, (id, change, relatedThemeId = null) =>
          notes.push({ themeId: id, change, relatedThemeId }),
        ),
      );
      await enqueueThemeChanges(manager, this.space, actor, notes);
      return result;
    });
    this.outbox.nudge();
    return (await this.byId(resultId)) as Theme;
  }

  private require(engine: ThemeEngine, themeId: string, field = 'id'): void {
    if (!engine.theme(themeId)) throw apiError('NOT_FOUND', `No theme ${themeId}`, { field });
  }

  private requireActive(engine: ThemeEngine, themeId: string, field = 'id'): void {
    const theme = engine.theme(themeId);
    if (!theme) throw apiError('NOT_FOUND', `No theme ${themeId}`, { field });
    if (theme.status !== 'active') {
      throw apiError(
        'BAD_USER_INPUT',
        `Theme ${themeId} is ${theme.status}${theme.mergedInto ? ` into ${theme.mergedInto}` : ''}`,
        { field },
      );
    }
  }

  /** The given feedback ids that are in the theme now; any other is an input error. */
  private async membersOf(
    manager: EntityManager,
    themeId: string,
    ids: readonly string[],
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM feedback WHERE id = ANY($1::uuid[]) AND theme_id = $2',
      [validUuids(ids), themeId],
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing)
      throw apiError('BAD_USER_INPUT', `feedback ${missing} is not in theme ${themeId}`, {
        field: 'feedbackIds',
      });
    return [...found];
  }

  /** Text and embedding of feedback items the engine is to move; each must have been themed. */
  private async themeItems(manager: EntityManager, ids: readonly string[]): Promise<ThemeItem[]> {
    const rows: { id: string; text: string | null; embedding: Buffer | null }[] =
      await manager.query('SELECT id, text, embedding FROM feedback WHERE id = ANY($1::uuid[])', [
        validUuids(ids),
      ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return [...new Set(ids)].map((id) => {
      const row = byId.get(id);
      if (!row) throw apiError('NOT_FOUND', `No feedback ${id}`, { field: 'feedbackIds' });
      if (!row.text?.trim() || !row.embedding) {
        throw apiError(
          'BAD_USER_INPUT',
          `feedback ${id} ${row.text?.trim() ? 'has not been themed yet' : 'has no text to theme'}`,
          { field: 'feedbackIds' },
        );
      }
      return {
        id,
        text: row.text,
        vector: dequantise(quantisedFromBytes(new Uint8Array(row.embedding))),
      };
    });
  }

  private async feedbackByIds(ids: readonly string[]): Promise<Feedback[]> {
    if (ids.length === 0) return [];
    const rows: FeedbackRow[] = await this.dataSource.query(
      `${FEEDBACK_SELECT} WHERE f.id = ANY($1::uuid[])`,
      [validUuids(ids)],
    );
    return rows.map(toFeedback);
  }
}

function validUuids(ids: readonly string[]): string[] {
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined)
    throw apiError('BAD_USER_INPUT', `feedbackIds: ${JSON.stringify(bad)} is not a feedback id`, {
      field: 'feedbackIds',
    });
  return [...ids];
}

interface QuoteRow {
  id: string;
  text: string;
  theme_similarity: number | null;
  sentiment: number | null;
  sentiment_label: string | null;
  source: string;
  occurred_at: Date;
}

function toQuote(row: QuoteRow, similarity: number): ThemeQuote {
  return {
    feedbackId: row.id,
    text: row.text,
    similarity: Math.round(similarity * 1000) / 1000,
    sentiment: row.sentiment,
    sentimentLabel: row.sentiment_label,
    source: row.source,
    occurredAt: new Date(row.occurred_at),
  };
}

/** The mean of `count` values summing to `sum`, to three decimals; null when there are none. */
function averageOf(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 1000) / 1000 : null;
}
