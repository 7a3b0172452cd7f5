import { keptPhrases } from '@closedloop/feedback-domain';
import { isUuid } from '@closedloop/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { CustomerErasure } from './customer-erasure.model';

interface ThemeRow {
  id: string;
  label: string;
  label_source: string;
  key_phrases: unknown;
  engine_record: Record<string, unknown> | null;
}

/** Shorter identities and texts are not searched for: they would match other people's data. */
const MIN_NEEDLE = 8;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * GDPR erasure of one customer, in one transaction: their personal data (email, name, identities)
 * and their feedback text everywhere it is kept (feedback text, details and embedding — the search
 * vector follows the text —, theme phrases and labels only their words held, the bodies of their
 * notices, outbox rows naming them or carrying their words, dead letters holding their email, an
 * identity, an event key or their words), `erased_at` set, and every notice
 * still to send suppressed. Feedback rows stay (ids, times, scores, sentiment) so counts and
 * measures hold. Idempotent.
 */
@Injectable()
export class CustomerErasureService {
  constructor(private readonly dataSource: DataSource) {}

  async erase(customerId: string): Promise<CustomerErasure> {
    if (!isUuid(customerId))
      throw apiError('NOT_FOUND', `No customer with id ${customerId}`, { field: 'id' });
    return this.dataSource.transaction(async (manager) => {
      const customers: { email: string | null; name: string | null; erased_at: Date | null }[] =
        await manager.query(
          'SELECT email, name, erased_at FROM customers WHERE id = $1 FOR UPDATE',
          [customerId],
        );
      const customer = customers[0];
      if (!customer)
        throw apiError('NOT_FOUND', `No customer with id ${customerId}`, { field: 'id' });
      const items: {
        id: string;
        event_key: string;
        text: string | null;
        theme_id: string | null;
      }[] = await manager.query(
        'SELECT id, event_key, text, theme_id FROM feedback WHERE customer_id = $1 FOR UPDATE',
        [customerId],
      );
      const texts = items.map((i) => i.text).filter((t): t is string => !!t && t.length > 0);
      const feedbackIds = items.map((i) => i.id);
      const identities: { external_id: string }[] = await manager.query(
        'SELECT external_id FROM customer_identities WHERE customer_id = $1',
        [customerId],
      );
      const deadLettersErased = await this.scrubDeadLetters(manager, [
        ...(customer.email ? [customer.email] : []),
        ...identities.map((i) => i.external_id).filter((id) => id.length >= MIN_NEEDLE),
        ...items.map((i) => i.event_key),
        ...texts.map((t) => JSON.stringify(t).slice(1, -1)).filter((t) => t.length >= MIN_NEEDLE),
      ]);

      await this.scrubOutbox(manager, [
        customerId,
        ...(customer.email ? [customer.email] : []),
        ...feedbackIds,
        ...items.map((i) => i.event_key),
        ...texts.map((t) => JSON.stringify(t).slice(1, -1)).filter((t) => t.length >= MIN_NEEDLE),
      ]);
      await manager.query(
        `UPDATE feedback SET text = NULL, details = '{}'::jsonb, embedding = NULL, theme_reason = NULL
         WHERE customer_id = $1`,
        [customerId],
      );
      await this.scrubThemes(manager, customerId, feedbackIds, texts);
      const suppressed: unknown[] = await manager.query(
        `WITH s AS (UPDATE notices SET status = 'suppressed', claimed_at = NULL
                    WHERE customer_id = $1 AND status IN ('requested', 'sending') RETURNING id)
         SELECT id FROM s`,
        [customerId],
      );
      await manager.query(
        `UPDATE notices SET subject = NULL, text_body = NULL, html_body = NULL,
                last_error = CASE WHEN status = 'suppressed' THEN 'customer erased' ELSE NULL END
         WHERE customer_id = $1`,
        [customerId],
      );
      await manager.query('DELETE FROM customer_identities WHERE customer_id = $1', [customerId]);
      const erased: { erased_at: Date }[] = await manager.query(
        `UPDATE customers SET email = NULL, name = NULL, erased_at = COALESCE(erased_at, now())
         WHERE id = $1 RETURNING erased_at`,
        [customerId],
      );
      return {
        customerId,
        erasedAt: erasedAtOf(erased) ?? new Date(),
        feedbackErased: items.length,
        noticesSuppressed: suppressed.length,
        deadLettersErased,
      };
    });
  }

  /** Outbox rows (published or not) that name the customer or carry their words go. */
  private async scrubOutbox(manager: EntityManager, needles: readonly string[]): Promise<void> {
    if (needles.length === 0) return;
    await manager.query(
      `DELETE FROM outbox o WHERE EXISTS (
         SELECT 1 FROM unnest($1::text[]) AS n(needle) WHERE strpos(o.payload::text, n.needle) > 0
            OR strpos(o.headers::text, n.needle) > 0)`,
      [needles],
    );
  }

  /**
   * Dead letters whose bytes, key or headers hold the customer's email, an identity, one of their
   * event keys or words lose all three and are discarded: what failed and why stays, for counts.
   * Returns how many were erased.
   */
  private async scrubDeadLetters(
    manager: EntityManager,
    needles: readonly string[],
  ): Promise<number> {
    if (needles.length === 0) return 0;
    const erased: unknown[] = await manager.query(
      `WITH e AS (
         UPDATE dead_letters d
            SET value = NULL, message_key = NULL, headers = '{}'::jsonb, status = 'discarded',
                resolved_at = COALESCE(d.resolved_at, now()), resolved_by = 'erasure',
                note = 'erased with a customer (GDPR)'
          WHERE d.resolved_by IS DISTINCT FROM 'erasure' AND EXISTS (
            SELECT 1 FROM unnest($1::text[]) AS n(needle)
             WHERE position(convert_to(n.needle, 'UTF8') IN COALESCE(d.value, ''::bytea)) > 0
                OR strpos(COALESCE(d.message_key, ''), n.needle) > 0
                OR strpos(d.headers::text, n.needle) > 0)
          RETURNING d.id)
       SELECT id FROM e`,
      [needles],
    );
    return erased.length;
  }

  /**
   * Themes the customer's feedback is in (or sampled by the engine) lose the phrases and the
   * generated label that only the customer's words held; the engine record's copies too.
   */
  private async scrubThemes(
    manager: EntityManager,
    customerId: string,
    feedbackIds: readonly string[],
    erasedTexts: readonly string[],
  ): Promise<void> {
    if (erasedTexts.length === 0) return;
    const themes: ThemeRow[] = await manager.query(
      `SELECT id, label, label_source, key_phrases, engine_record FROM themes t
       WHERE t.id IN (SELECT theme_id FROM feedback WHERE customer_id = $1 AND theme_id IS NOT NULL)
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(t.engine_record -> 'samples', '[]'::jsonb)) s
                     WHERE s ->> 'id' = ANY($2::text[]))
       FOR UPDATE`,
      [customerId, feedbackIds],
    );
    for (const theme of themes) {
      const keptRows: { text: string }[] = await manager.query(
        'SELECT text FROM feedback WHERE theme_id = $1 AND text IS NOT NULL',
        [theme.id],
      );
      const kept = keptRows.map((r) => r.text);
      const keep = (list: unknown) => keptPhrases(strings(list), erasedTexts, kept);
      const keyPhrases = keep(theme.key_phrases);
      const labelKept =
        theme.label_source === 'manual' || keptPhrases([theme.label], erasedTexts, kept).length > 0;
      const label = labelKept ? theme.label : (keyPhrases[0] ?? 'Untitled theme');
      const record = theme.engine_record
        ? {
            ...theme.engine_record,
            label: labelKept ? theme.engine_record['label'] : label,
            keyPhrases: keep(theme.engine_record['keyPhrases']),
            keyStems: keep(theme.engine_record['keyStems']),
            phraseKeys: keep(theme.engine_record['phraseKeys']),
            samples: Array.isArray(theme.engine_record['samples'])
              ? (theme.engine_record['samples'] as { id?: unknown }[]).filter(
                  (s) => typeof s.id !== 'string' || !feedbackIds.includes(s.id),
                )
              : theme.engine_record['samples'],
          }
        : null;
      await manager.query(
        'UPDATE themes SET label = $2, key_phrases = $3::jsonb, engine_record = $4::jsonb WHERE id = $1',
        [theme.id, label, JSON.stringify(keyPhrases), record ? JSON.stringify(record) : null],
      );
    }
  }
}

function erasedAtOf(rows: unknown): Date | null {
  // TypeORM answers UPDATE … RETURNING as [rows, count].
  const list = Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0] : rows;
  const first = Array.isArray(list) ? (list[0] as { erased_at?: Date } | undefined) : undefined;
  return first?.erased_at ? new Date(first.erased_at) : null;
}
