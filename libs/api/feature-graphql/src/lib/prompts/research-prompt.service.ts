import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { Feedback } from '../feedback/feedback.model';
import { FEEDBACK_SELECT, toFeedback, type FeedbackRow } from '../feedback/feedback.rows';
import type { ResearchPrompt } from './research-prompt.model';

interface PromptRow {
  id: string;
  question: string;
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
  answer_count: string;
}

const PROMPT_SELECT = `
  SELECT p.id, p.question, p.created_by, p.created_at, p.closed_at,
         (SELECT count(*) FROM feedback f WHERE f.prompt_id = p.id) AS answer_count
  FROM research_prompts p`;

const toPrompt = (r: PromptRow): ResearchPrompt => ({
  id: r.id,
  question: r.question,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  closedAt: r.closed_at ? new Date(r.closed_at) : null,
  answerCount: Number(r.answer_count),
});

@Injectable()
export class ResearchPromptService {
  constructor(private readonly dataSource: DataSource) {}

  async create(question: string, createdBy: string): Promise<ResearchPrompt> {
    const text = question.trim();
    if (text.length < 5 || text.length > 500) {
      throw apiError('BAD_USER_INPUT', 'question must be 5 to 500 characters', {
        field: 'question',
      });
    }
    const id = randomUUID();
    await this.dataSource.query(
      'INSERT INTO research_prompts (id, question, created_by) VALUES ($1, $2, $3)',
      [id, text, createdBy],
    );
    return this.get(id);
  }

  async close(id: string): Promise<ResearchPrompt> {
    await this.get(id);
    await this.dataSource.query(
      'UPDATE research_prompts SET closed_at = COALESCE(closed_at, now()) WHERE id = $1',
      [id],
    );
    return this.get(id);
  }

  async list(): Promise<ResearchPrompt[]> {
    const rows: PromptRow[] = await this.dataSource.query(
      `${PROMPT_SELECT} ORDER BY p.created_at DESC`,
    );
    return rows.map(toPrompt);
  }

  async get(id: string): Promise<ResearchPrompt> {
    const rows: PromptRow[] = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.query(`${PROMPT_SELECT} WHERE p.id = $1`, [id])
      : [];
    if (!rows[0]) throw apiError('NOT_FOUND', `No research prompt with id ${id}`, { field: 'id' });
    return toPrompt(rows[0]);
  }

  /** Every staff report answering the prompt, newest first. */
  async answers(promptId: string): Promise<Feedback[]> {
    const rows: FeedbackRow[] = await this.dataSource.query(
      `${FEEDBACK_SELECT} WHERE f.prompt_id = $1 ORDER BY f.occurred_at DESC LIMIT 500`,
      [promptId],
    );
    return rows.map(toFeedback);
  }
}
