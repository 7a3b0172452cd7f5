import { Injectable } from '@nestjs/common';
import { flattenSourceDetails, type SourceDetail } from './source-detail';
import { DataSource } from 'typeorm';
import type { Connection } from '../pagination/connection.model';
import { timestampKeysetPage } from '../pagination/timestamp-keyset-page';
import type { FeedbackFilterInput } from './feedback-filter.input';
import { feedbackConditions } from './feedback-query';
import type { Feedback } from './feedback.model';
import {
  FEEDBACK_COLUMNS,
  FEEDBACK_FROM,
  FEEDBACK_SELECT,
  toFeedback,
  type FeedbackRow,
} from './feedback.rows';

@Injectable()
export class FeedbackService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of feedback, newest received first (received_at, then id, both descending), filtered.
   * Each page is an index range scan from the cursor; the count runs only when asked for.
   */
  async page(
    filter: FeedbackFilterInput | null | undefined,
    first: number,
    after: string | null | undefined,
    withTotal: boolean,
  ): Promise<Connection<Feedback>> {
    const params: unknown[] = [];
    const conditions = feedbackConditions(filter, params);
    return timestampKeysetPage<FeedbackRow, Feedback>(
      this.dataSource,
      {
        columns: FEEDBACK_COLUMNS,
        from: FEEDBACK_FROM,
        countFrom: 'FROM feedback f',
        keyColumn: 'f.received_at',
        idColumn: 'f.id',
        conditions,
        params,
      },
      { first, after, withTotal },
      toFeedback,
    );
  }

  async byId(id: string): Promise<Feedback | null> {
    const rows: FeedbackRow[] = await this.dataSource.query(`${FEEDBACK_SELECT} WHERE f.id = $1`, [
      id,
    ]);
    return rows[0] ? toFeedback(rows[0]) : null;
  }

  /** The item's stored source details as flat text (none once its customer was erased). */
  async sourceDetails(id: string): Promise<SourceDetail[]> {
    const rows: { details: unknown }[] = await this.dataSource.query(
      'SELECT details FROM feedback WHERE id = $1',
      [id],
    );
    return flattenSourceDetails(rows[0]?.details);
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
