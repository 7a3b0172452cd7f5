import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { Feedback } from './feedback.model';
import { FEEDBACK_SELECT, toFeedback, type FeedbackRow } from './feedback.rows';

@Injectable()
export class FeedbackService {
  constructor(private readonly dataSource: DataSource) {}

  async list(first: number): Promise<Feedback[]> {
    if (first < 1 || first > 500) {
      throw apiError('BAD_USER_INPUT', 'first must be between 1 and 500', { field: 'first' });
    }
    const rows: FeedbackRow[] = await this.dataSource.query(
      `${FEEDBACK_SELECT} ORDER BY f.received_at DESC, f.id DESC LIMIT $1`,
      [first],
    );
    return rows.map(toFeedback);
  }

  async byId(id: string): Promise<Feedback | null> {
    const rows: FeedbackRow[] = await this.dataSource.query(`${FEEDBACK_SELECT} WHERE f.id = $1`, [
      id,
    ]);
    return rows[0] ? toFeedback(rows[0]) : null;
  }

  async byEventKey(eventKey: string): Promise<Feedback | null> {
    const rows: FeedbackRow[] = await this.dataSource.query(
      `${FEEDBACK_SELECT} WHERE f.event_key = $1`,
      [eventKey],
    );
    return rows[0] ? toFeedback(rows[0]) : null;
  }

  async forAction(actionId: string): Promise<Feedback[]> {
    const rows: FeedbackRow[] = await this.dataSource.query(
      `${FEEDBACK_SELECT} JOIN action_feedback af ON af.feedback_id = f.id WHERE af.action_id = $1
       ORDER BY f.occurred_at DESC`,
      [actionId],
    );
    return rows.map(toFeedback);
  }
}
