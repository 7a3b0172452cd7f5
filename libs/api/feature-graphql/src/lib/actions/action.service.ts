import {
  ActionRuleError,
  isActionStatus,
  planTransition,
  type ActionStatus,
} from '@closedloop/actions-domain';
import { ActionEventsTopic, NoticeRequestedTopic } from '@closedloop/contracts';
import { enqueueOutbox, isUuid } from '@closedloop/persistence';
import { OutboxRelayService } from '@closedloop/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { Action, ActionHistoryEntry } from './action.model';
import type {
  AnnounceActionInput,
  ChangeActionStatusInput,
  CreateActionInput,
} from './action.inputs';
import { toAction, toHistoryEntry, type ActionHistoryRow, type ActionRow } from './action.rows';

/** Actions, their lifecycle and audit history, and the announcement that queues one notice per customer. */
@Injectable()
export class ActionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelayService,
  ) {}

  async create(input: CreateActionInput, actor: string): Promise<Action> {
    const title = input.title.trim();
    const owner = input.owner.trim();
    if (title.length === 0 || title.length > 200) {
      throw apiError('BAD_USER_INPUT', 'title must be 1 to 200 characters', { field: 'title' });
    }
    if (owner.length === 0 || owner.length > 200) {
      throw apiError('BAD_USER_INPUT', 'owner must be 1 to 200 characters', { field: 'owner' });
    }
    const id = randomUUID();
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO actions (id, title, description, owner, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'proposed', $5, $5)`,
        [id, title, input.description.trim(), owner, now],
      );
      await this.recordChange(manager, id, actor, null, 'proposed', 'created', 'created', now);
      await this.link(manager, id, input.feedbackIds);
    });
    this.outbox.nudge();
    return this.get(id);
  }

  async linkFeedback(actionId: string, feedbackIds: string[]): Promise<Action> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, actionId);
      await this.link(manager, actionId, feedbackIds);
    });
    return this.get(actionId);
  }

  async changeStatus(input: ChangeActionStatusInput, actor: string): Promise<Action> {
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
      await this.recordChange(
        manager,
        input.actionId,
        actor,
        current,
        plan.status,
        input.note ?? plan.declineReason ?? null,
        'status-changed',
        now,
      );
    });
    this.outbox.nudge();
    return this.get(input.actionId);
  }

  /**
   * Announces a shipped or declined action: in one transaction the action becomes announced and one
   * notice per reachable customer is created (unique per action and customer) with its
   * notice.requested event in the outbox. Pressing it twice fails the second time and sends nothing more.
   */
  async announce(
    input: AnnounceActionInput,
    actor: string,
  ): Promise<{ action: Action; noticesQueued: number }> {
    const subject = input.subject.trim();
    const body = input.body.trim();
    if (subject.length === 0 || subject.length > 200) {
      throw apiError('BAD_USER_INPUT', 'subject must be 1 to 200 characters', { field: 'subject' });
    }
    if (body.length === 0 || body.length > 10_000) {
      throw apiError('BAD_USER_INPUT', 'body must be 1 to 10,000 characters', { field: 'body' });
    }
    const now = new Date();
    const queued = await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, input.actionId);
      const plan = planTransition({ from: current, to: 'announced', at: now });
      const audience: { customer_id: string }[] = await manager.query(
        `SELECT DISTINCT f.customer_id FROM action_feedback af
         JOIN feedback f ON f.id = af.feedback_id JOIN customers c ON c.id = f.customer_id
         WHERE af.action_id = $1 AND c.email IS NOT NULL AND c.unsubscribed_at IS NULL AND c.erased_at IS NULL`,
        [input.actionId],
      );
      if (audience.length === 0) {
        throw new ActionRuleError(
          'NOTHING_TO_ANNOUNCE',
          'No customer linked to this action can be told: link feedback from customers with an email address first',
        );
      }
      await manager.query(
        `UPDATE actions SET status = $2, updated_at = $3, announced_at = $3, notice_subject = $4, notice_body = $5 WHERE id = $1`,
        [input.actionId, plan.status, now, subject, body],
      );
      await this.recordChange(
        manager,
        input.actionId,
        actor,
        current,
        plan.status,
        `announced to ${audience.length} customers`,
        'announced',
        now,
      );
      const created: { id: string; customer_id: string }[] = [];
      for (const { customer_id } of audience) {
        const rows: { id: string; customer_id: string }[] = await manager.query(
          `INSERT INTO notices (id, action_id, customer_id, status) VALUES ($1, $2, $3, 'requested')
           ON CONFLICT (action_id, customer_id) DO NOTHING RETURNING id, customer_id`,
          [randomUUID(), input.actionId, customer_id],
        );
        created.push(...rows);
      }
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

  async get(id: string): Promise<Action> {
    const action = await this.find(id);
    if (!action) throw apiError('NOT_FOUND', `No action with id ${id}`, { field: 'id' });
    return action;
  }

  async find(id: string): Promise<Action | null> {
    if (!isUuid(id)) return null;
    const rows: ActionRow[] = await this.dataSource.query('SELECT * FROM actions WHERE id = $1', [
      id,
    ]);
    return rows[0] ? toAction(rows[0]) : null;
  }

  async list(): Promise<Action[]> {
    const rows: ActionRow[] = await this.dataSource.query(
      'SELECT * FROM actions ORDER BY created_at DESC LIMIT 500',
    );
    return rows.map(toAction);
  }

  async history(actionId: string): Promise<ActionHistoryEntry[]> {
    const rows: ActionHistoryRow[] = await this.dataSource.query(
      'SELECT actor, from_status, to_status, note, at FROM action_history WHERE action_id = $1 ORDER BY at, id',
      [actionId],
    );
    return rows.map(toHistoryEntry);
  }

  private async lock(manager: EntityManager, actionId: string): Promise<ActionStatus> {
    if (!isUuid(actionId))
      throw apiError('NOT_FOUND', `No action with id ${actionId}`, { field: 'actionId' });
    const rows: { status: string }[] = await manager.query(
      'SELECT status FROM actions WHERE id = $1 FOR UPDATE',
      [actionId],
    );
    const status = rows[0]?.status;
    if (!status || !isActionStatus(status))
      throw apiError('NOT_FOUND', `No action with id ${actionId}`, { field: 'actionId' });
    return status;
  }

  private async link(
    manager: EntityManager,
    actionId: string,
    feedbackIds: readonly string[],
  ): Promise<void> {
    const ids = [...new Set(feedbackIds)];
    const bad = ids.filter((id) => !isUuid(id));
    if (bad.length > 0)
      throw apiError('BAD_USER_INPUT', `Not feedback ids: ${bad.join(', ')}`, {
        field: 'feedbackIds',
      });
    if (ids.length === 0) return;
    const found: { id: string }[] = await manager.query(
      'SELECT id FROM feedback WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0)
      throw apiError('NOT_FOUND', `No feedback with id ${missing.join(', ')}`, {
        field: 'feedbackIds',
      });
    await manager.query(
      `INSERT INTO action_feedback (action_id, feedback_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [actionId, ids],
    );
  }

  private async recordChange(
    manager: EntityManager,
    actionId: string,
    actor: string,
    from: ActionStatus | null,
    to: ActionStatus,
    note: string | null,
    type: 'created' | 'status-changed' | 'announced',
    at: Date,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO action_history (id, action_id, actor, from_status, to_status, note, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [randomUUID(), actionId, actor, from, to, note, at],
    );
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
          actor,
          occurredAt: at.toISOString(),
        },
      },
    ]);
  }
}
