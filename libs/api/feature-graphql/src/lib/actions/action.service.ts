import {
  actionThemeIds,
  addComment,
  audienceMembers,
  exclusionCounts,
  loadNoticeWeeklyCap,
  quoteOf,
  type AudienceFilter,
  captureBaseline,
  findActionRow,
  latestRegression,
  linkFeedback,
  linkThemes,
  listActionRows,
  listComments,
  listHistory,
  recordHistory,
  resolveRegressions,
  unlinkTheme,
  type Actor,
  type HistoryKind,
} from '@closedloop/actions-data-access';
import {
  ActionRuleError,
  isActionStatus,
  planTransition,
  type ActionStatus,
} from '@closedloop/actions-domain';
import { ActionEventsTopic, NoticeRequestedTopic, type ActionEvent } from '@closedloop/contracts';
import { firstNameOf, renderNotice } from '@closedloop/notices-domain';
import { currentCorrelationId } from '@closedloop/messaging';
import { enqueueOutbox, isUuid } from '@closedloop/persistence';
import { OutboxRelayService } from '@closedloop/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { apiError } from '../errors/api-error';
import { checkPageSize, decodeCursor } from '../pagination/cursor';
import type { Connection } from '../pagination/connection.model';
import { toConnection } from '../pagination/to-connection';
import {
  checkDescription,
  checkFeedback,
  checkOwner,
  checkTargetDate,
  checkThemes,
  checkTitle,
} from './action-input-checks';
import type {
  Action,
  ActionComment,
  ActionHistoryEntry,
  ActionOwner,
  ActionRegression,
} from './action.model';
import type {
  ActionFilterInput,
  AnnounceActionInput,
  ChangeActionStatusInput,
  CreateActionInput,
  UpdateActionInput,
} from './action.inputs';
import { toAction, toComment, toHistoryEntry, toRegression } from './action.rows';
import type { AnnouncePreviewInput } from '../announce/announce-preview.input';
import { AudienceExclusionReason, type AnnouncePreview } from '../announce/announce-preview.model';
import type { AudienceFilterInput } from '../announce/audience-filter.input';
import type { ActionAnnouncement } from '../announce/action-announcement.model';
import type { FeedbackSourceKind, SentimentLabel } from '../feedback/feedback-enums';

/** The unsubscribe link shown in a preview (each real email carries the customer's own). */
const PREVIEW_UNSUBSCRIBE_URL = 'https://unsubscribe.invalid/preview';

function checkTemplate(input: { subject: string; body: string }): {
  subject: string;
  body: string;
} {
  const subject = input.subject.trim();
  const body = input.body.trim();
  if (subject.length === 0 || subject.length > 200) {
    throw apiError('BAD_USER_INPUT', 'subject must be 1 to 200 characters', { field: 'subject' });
  }
  if (body.length === 0 || body.length > 10_000) {
    throw apiError('BAD_USER_INPUT', 'body must be 1 to 10,000 characters', { field: 'body' });
  }
  return { subject, body };
}

function audienceFilterOf(input: AudienceFilterInput | null | undefined): AudienceFilter {
  const segment = input?.segment?.trim() || null;
  if (segment && segment.length > 100) {
    throw apiError('BAD_USER_INPUT', 'audience.segment is at most 100 characters', {
      field: 'audience.segment',
    });
  }
  const from = input?.from ?? null;
  const to = input?.to ?? null;
  if (from && to && from.getTime() >= to.getTime()) {
    throw apiError('BAD_USER_INPUT', 'audience.from must be before audience.to', {
      field: 'audience.from',
    });
  }
  return {
    sources: input?.sources ?? null,
    segment,
    from,
    to,
    sentiments: input?.sentiment ?? null,
  };
}

/**
 * Actions: creation from themes, links, details, lifecycle with its audit trail, comments and the
 * announcement that queues one notice per customer. The SQL lives in `@closedloop/actions-data-access`.
 */
@Injectable()
export class ActionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelayService,
  ) {}

  async create(input: CreateActionInput, actor: Actor): Promise<Action> {
    const title = checkTitle(input.title);
    const description = checkDescription(input.description ?? '');
    const targetDate = checkTargetDate(input.targetDate);
    const id = randomUUID();
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const ownerId = input.ownerId ? await checkOwner(manager, input.ownerId) : null;
      // From themes; feedback not yet themed (embedded mode without the sentence encoder has
      // no themes) may stand in, so an action always answers something.
      const feedbackIds = await checkFeedback(manager, input.feedbackIds ?? []);
      const themeIds = await checkThemes(
        manager,
        input.themeIds ?? [],
        'themeIds',
        feedbackIds.length > 0,
      );
      await manager.query(
        `INSERT INTO actions (id, title, description, owner_id, target_date, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'proposed', $6, $6)`,
        [id, title, description, ownerId, targetDate, now],
      );
      await this.record(manager, id, actor, 'created', null, 'proposed', 'created', now, 'created');
      await linkThemes(manager, id, themeIds, actor.id, now);
      await linkFeedback(manager, id, feedbackIds, now);
    });
    this.outbox.nudge();
    return this.get(id);
  }

  async linkThemes(actionId: string, themeIds: string[], actor: Actor): Promise<Action> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const status = await this.lock(manager, actionId);
      const ids = await checkThemes(manager, themeIds);
      const linked = await linkThemes(manager, actionId, ids, actor.id, now);
      if (linked.length > 0) {
        await this.record(
          manager,
          actionId,
          actor,
          'theme_linked',
          null,
          status,
          linked.join(', '),
          now,
          'themes-linked',
        );
      }
    });
    this.outbox.nudge();
    return this.get(actionId);
  }

  async unlinkTheme(actionId: string, themeId: string, actor: Actor): Promise<Action> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const status = await this.lock(manager, actionId);
      const themes = await actionThemeIds(manager, actionId);
      if (!themes.includes(themeId)) {
        throw apiError('NOT_FOUND', `Theme ${themeId} is not linked to action ${actionId}`, {
          field: 'themeId',
        });
      }
      if (themes.length === 1) {
        throw apiError('BAD_USER_INPUT', 'An action keeps at least one theme; link another first', {
          field: 'themeId',
        });
      }
      await unlinkTheme(manager, actionId, themeId);
      await this.record(
        manager,
        actionId,
        actor,
        'theme_unlinked',
        null,
        status,
        themeId,
        now,
        'theme-unlinked',
      );
    });
    this.outbox.nudge();
    return this.get(actionId);
  }

  async linkFeedback(actionId: string, feedbackIds: string[], actor: Actor): Promise<Action> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const status = await this.lock(manager, actionId);
      const ids = await checkFeedback(manager, feedbackIds);
      await linkFeedback(manager, actionId, ids, now);
      if (ids.length > 0) {
        await this.record(
          manager,
          actionId,
          actor,
          'feedback_linked',
          null,
          status,
          `${ids.length} feedback`,
          now,
          'feedback-linked',
        );
      }
    });
    this.outbox.nudge();
    return this.get(actionId);
  }

  async update(input: UpdateActionInput, actor: Actor): Promise<Action> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const status = await this.lock(manager, input.actionId);
      const current = await findActionRow(manager, input.actionId);
      if (!current)
        throw apiError('NOT_FOUND', `No action with id ${input.actionId}`, { field: 'actionId' });
      const changes: { kind: HistoryKind; note: string }[] = [];
      const title = input.title != null ? checkTitle(input.title) : current.title;
      const description =
        input.description != null ? checkDescription(input.description) : current.description;
      if (title !== current.title || description !== current.description) {
        changes.push({
          kind: 'details_changed',
          note: title !== current.title ? `title: ${title}` : 'description',
        });
      }
      let ownerId = current.owner_id;
      if (input.ownerId !== undefined && input.ownerId !== current.owner_id) {
        ownerId = input.ownerId === null ? null : await checkOwner(manager, input.ownerId);
        changes.push({
          kind: 'owner_changed',
          note: `${current.owner_id ?? current.legacy_owner ?? 'nobody'} → ${ownerId ?? 'nobody'}`,
        });
      }
      let targetDate = current.target_date;
      if (input.targetDate !== undefined) {
        const next = checkTargetDate(input.targetDate);
        if (next !== current.target_date) {
          targetDate = next;
          changes.push({
            kind: 'target_date_changed',
            note: `${current.target_date ?? 'none'} → ${next ?? 'none'}`,
          });
        }
      }
      if (changes.length === 0) return;
      await manager.query(
        'UPDATE actions SET title = $2, description = $3, owner_id = $4, target_date = $5, updated_at = $6 WHERE id = $1',
        [input.actionId, title, description, ownerId, targetDate, now],
      );
      for (const change of changes) {
        await recordHistory(manager, {
          actionId: input.actionId,
          actor,
          kind: change.kind,
          from: null,
          to: status,
          note: change.note,
          at: now,
        });
      }
      await this.event(manager, input.actionId, actor, 'updated', status, status, now);
    });
    this.outbox.nudge();
    return this.get(input.actionId);
  }

  async changeStatus(input: ChangeActionStatusInput, actor: Actor): Promise<Action> {
    if (input.status === 'announced') {
      throw apiError('BAD_USER_INPUT', 'Use announceAction to announce an action', {
        field: 'status',
      });
    }
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, input.actionId);
      const plan = planTransition({
        from: current,
        to: input.status as ActionStatus,
        reason: input.reason,
        at: now,
      });
      await manager.query(
        `UPDATE actions SET status = $2, updated_at = $3, shipped_at = COALESCE($4, shipped_at),
                decline_reason = COALESCE($5, decline_reason) WHERE id = $1`,
        [input.actionId, plan.status, now, plan.shippedAt ?? null, plan.declineReason ?? null],
      );
      if (plan.shippedAt) {
        // A new ship: the previous regression is answered, and the pre-ship picture is taken now
        // (the tracking stage takes it too when it sees the event; once per ship either way).
        await resolveRegressions(manager, input.actionId, now);
        await captureBaseline(manager, input.actionId);
      }
      await this.record(
        manager,
        input.actionId,
        actor,
        'status',
        current,
        plan.status,
        input.note ?? plan.declineReason ?? null,
        now,
        'status-changed',
      );
    });
    this.outbox.nudge();
    return this.get(input.actionId);
  }

  async addComment(actionId: string, body: string, actor: Actor): Promise<ActionComment> {
    const text = body.trim();
    if (text.length === 0 || text.length > 5000) {
      throw apiError('BAD_USER_INPUT', 'body must be 1 to 5,000 characters', { field: 'body' });
    }
    const now = new Date();
    const id = await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, actionId);
      return addComment(manager, actionId, actor, text, now);
    });
    return { id, authorId: actor.id, author: actor.label, body: text, createdAt: now };
  }

  /**
   * Announces a shipped or declined action: in one transaction the action becomes announced and
   * one notice per reachable customer of its themes' and linked feedback is created (unique per
   * action and customer) with its notice.requested event in the outbox. Pressing it twice fails the
   * second time and sends nothing more.
   */
  async announce(
    input: AnnounceActionInput,
    actor: Actor,
  ): Promise<{ action: Action; noticesQueued: number }> {
    const { subject, body } = checkTemplate(input);
    const filter = audienceFilterOf(input.audience);
    const now = new Date();
    const queued = await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, input.actionId);
      const plan = planTransition({ from: current, to: 'announced', at: now });
      const weeklyCap = await loadNoticeWeeklyCap(manager);
      const members = await audienceMembers(manager, input.actionId, filter, { now, weeklyCap });
      const audience = members.filter((m) => m.excluded === null).map((m) => m.customerId);
      if (audience.length === 0) {
        throw new ActionRuleError(
          'NOTHING_TO_ANNOUNCE',
          'No customer of this action’s themes or linked feedback can be told: none in the audience has an email address, consent and room under the weekly cap',
        );
      }
      await manager.query(
        `UPDATE actions SET status = $2, updated_at = $3, announced_at = $3, notice_subject = $4, notice_body = $5 WHERE id = $1`,
        [input.actionId, plan.status, now, subject, body],
      );
      await this.record(
        manager,
        input.actionId,
        actor,
        'announced',
        current,
        plan.status,
        `announced to ${audience.length} customers`,
        now,
        'announced',
      );
      const created: { id: string; customer_id: string }[] = await manager.query(
        `INSERT INTO notices (id, action_id, customer_id, status, correlation_id)
         SELECT gen_random_uuid(), $1, unnest($2::uuid[]), 'requested', $3
         ON CONFLICT (action_id, customer_id) DO NOTHING RETURNING id, customer_id`,
        // The request's correlation id: on each notice, and (enqueueOutbox) on its event.
        [input.actionId, audience, currentCorrelationId() ?? null],
      );
      // The announcement as made: what was written, for whom, who was left out why, by whom.
      await manager.query(
        `INSERT INTO action_announcements (action_id, subject, body, audience_filter, audience_size, excluded, announced_by_id, announced_by, announced_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9)`,
        [
          input.actionId,
          subject,
          body,
          JSON.stringify({
            sources: filter.sources ?? null,
            segment: filter.segment ?? null,
            from: filter.from?.toISOString() ?? null,
            to: filter.to?.toISOString() ?? null,
            sentiments: filter.sentiments ?? null,
          }),
          created.length,
          JSON.stringify(exclusionCounts(members)),
          actor.id,
          actor.label,
          now,
        ],
      );
      // Its lineage items become told when the notifier reports the notice sent
      // (notice.delivered.v1, consumed by the pipeline's tracking stage), not now.
      await enqueueOutbox(
        manager,
        NoticeRequestedTopic,
        created.map((n) => ({
          key: n.customer_id,
          value: {
            schemaVersion: 1 as const,
            noticeId: n.id,
            actionId: input.actionId,
            customerId: n.customer_id,
            requestedAt: now.toISOString(),
          },
        })),
      );
      return created.length;
    });
    this.outbox.nudge();
    return { action: await this.get(input.actionId), noticesQueued: queued };
  }

  /** The action's announcement as it was made, or null before it is announced. */
  async announcement(actionId: string): Promise<ActionAnnouncement | null> {
    const rows: {
      subject: string;
      body: string;
      audience_filter: {
        sources: string[] | null;
        segment: string | null;
        from: string | null;
        to: string | null;
        sentiments: string[] | null;
      };
      audience_size: number;
      excluded: { reason: string; count: number }[];
      announced_by_id: string;
      announced_by: string;
      announced_at: Date;
    }[] = await this.dataSource.query(
      `SELECT subject, body, audience_filter, audience_size, excluded, announced_by_id, announced_by, announced_at
       FROM action_announcements WHERE action_id = $1`,
      [actionId],
    );
    const row = rows[0];
    if (!row) return null;
    const f = row.audience_filter;
    return {
      subject: row.subject,
      body: row.body,
      audience: {
        sources: (f.sources as FeedbackSourceKind[] | null) ?? null,
        segment: f.segment ?? null,
        from: f.from ? new Date(f.from) : null,
        to: f.to ? new Date(f.to) : null,
        sentiment: (f.sentiments as SentimentLabel[] | null) ?? null,
      },
      audienceSize: row.audience_size,
      excluded: row.excluded.map((e) => ({
        reason: AudienceExclusionReason[e.reason as keyof typeof AudienceExclusionReason],
        count: e.count,
      })),
      announcedById: row.announced_by_id,
      announcedBy: row.announced_by,
      announcedAt: new Date(row.announced_at),
    };
  }

  /**
   * What announcing would do, with the same audience SQL as `announce`: how many customers would
   * be told, who is left out and why, and the notice rendered for the first customer told, with
   * their own (redacted at intake) words and date. Changes nothing.
   */
  async preview(input: AnnouncePreviewInput): Promise<AnnouncePreview> {
    const template = checkTemplate(input);
    const filter = audienceFilterOf(input.audience);
    const action = await this.get(input.actionId);
    const manager = this.dataSource.manager;
    const weeklyCap = await loadNoticeWeeklyCap(manager);
    const members = await audienceMembers(manager, action.id, filter, {
      now: new Date(),
      weeklyCap,
    });
    const told = members.filter((m) => m.excluded === null);
    const excluded = exclusionCounts(members).map((e) => ({
      reason: AudienceExclusionReason[e.reason],
      count: e.count,
    }));
    const first = told[0];
    if (!first) return { size: 0, excluded, sample: null };
    const rows: {
      id: string;
      email: string | null;
      name: string | null;
      unsubscribed_at: Date | null;
    }[] = await manager.query(
      'SELECT id, email, name, unsubscribed_at FROM customers WHERE id = $1',
      [first.customerId],
    );
    const customer = rows[0];
    if (!customer) return { size: told.length, excluded, sample: null };
    const quote = await quoteOf(manager, action.id, customer.id, filter);
    const rendered = renderNotice(
      template,
      {
        firstName: firstNameOf(customer.name),
        change: action.title,
        quote: quote?.text ?? '',
        quoteDate: quote ? quote.occurredAt.toISOString().slice(0, 10) : '',
      },
      PREVIEW_UNSUBSCRIBE_URL,
    );
    return {
      size: told.length,
      excluded,
      sample: {
        customer: {
          id: customer.id,
          email: customer.email,
          name: customer.name,
          unsubscribedAt: customer.unsubscribed_at,
        },
        ...rendered,
      },
    };
  }

  async get(id: string): Promise<Action> {
    const action = await this.find(id);
    if (!action) throw apiError('NOT_FOUND', `No action with id ${id}`, { field: 'id' });
    return action;
  }

  async find(id: string): Promise<Action | null> {
    if (!isUuid(id)) return null;
    const row = await findActionRow(this.dataSource.manager, id);
    return row ? toAction(row) : null;
  }

  async list(): Promise<Action[]> {
    const page = await listActionRows(this.dataSource.manager, {}, 500, null);
    return page.rows.slice(0, 500).map(toAction);
  }

  async page(
    filter: ActionFilterInput | null,
    first: number,
    after: string | null,
  ): Promise<Connection<Action>> {
    const size = checkPageSize(first);
    const cursor = after ? decodeCursor(after) : null;
    for (const [field, value] of [['filter.ownerId', filter?.ownerId]] as const) {
      if (value && !isUuid(value))
        throw apiError('BAD_USER_INPUT', `${field} is not an id`, { field });
    }
    if (cursor && (typeof cursor.key !== 'string' || !isUuid(cursor.id))) {
      throw apiError('BAD_USER_INPUT', 'after is not a cursor of this list', { field: 'after' });
    }
    const { rows, totalCount } = await listActionRows(
      this.dataSource.manager,
      {
        status: filter?.status ?? null,
        ownerId: filter?.ownerId ?? null,
        themeId: filter?.themeId ?? null,
        search: filter?.search ?? null,
        regressed: filter?.regressed ?? null,
      },
      size,
      cursor ? { key: String(cursor.key), id: cursor.id } : null,
    );
    return toConnection(rows.map(toAction), size, totalCount, (a) => ({
      key: a.createdAt.toISOString(),
      id: a.id,
    }));
  }

  async history(actionId: string): Promise<ActionHistoryEntry[]> {
    return (await listHistory(this.dataSource.manager, actionId)).map(toHistoryEntry);
  }

  async comments(actionId: string): Promise<ActionComment[]> {
    return (await listComments(this.dataSource.manager, actionId)).map(toComment);
  }

  async regression(actionId: string): Promise<ActionRegression | null> {
    const row = await latestRegression(this.dataSource.manager, actionId);
    return row ? toRegression(row) : null;
  }

  async themeIds(actionId: string): Promise<string[]> {
    return actionThemeIds(this.dataSource.manager, actionId);
  }

  async owner(ownerId: string | null): Promise<ActionOwner | null> {
    if (!ownerId) return null;
    const rows: ActionOwner[] = await this.dataSource.query(
      'SELECT id, name, email FROM users WHERE id = $1',
      [ownerId],
    );
    return rows[0] ?? null;
  }

  private async lock(manager: EntityManager, actionId: string): Promise<ActionStatus> {
    if (!isUuid(actionId))
      throw apiError('NOT_FOUND', `No action with id ${actionId}`, { field: 'actionId' });
    const rows: { status: string }[] = await manager.query(
      'SELECT status FROM actions WHERE id = $1 FOR UPDATE',
      [actionId],
    );
    const status = rows[0]?.status;
    if (!status || !isActionStatus(status)) {
      throw apiError('NOT_FOUND', `No action with id ${actionId}`, { field: 'actionId' });
    }
    return status;
  }

  private async record(
    manager: EntityManager,
    actionId: string,
    actor: Actor,
    kind: HistoryKind,
    from: ActionStatus | null,
    to: ActionStatus,
    note: string | null,
    at: Date,
    type: ActionEvent['type'],
  ): Promise<void> {
    await recordHistory(manager, { actionId, actor, kind, from, to, note, at });
    await this.event(manager, actionId, actor, type, from, to, at);
  }

  private async event(
    manager: EntityManager,
    actionId: string,
    actor: Actor,
    type: ActionEvent['type'],
    from: ActionStatus | null,
    to: ActionStatus,
    at: Date,
  ): Promise<void> {
    await enqueueOutbox(manager, ActionEventsTopic, [
      {
        key: actionId,
        value: {
          schemaVersion: 1,
          eventId: randomUUID(),
          actionId,
          type,
          status: to,
          previousStatus: from,
          actor: actor.label,
          occurredAt: at.toISOString(),
        },
      },
    ]);
  }
}
