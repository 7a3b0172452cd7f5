import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hours from when a customer spoke to a later moment, bucketed: 1 h wide below a day, 6 h
 * below 14 days, 24 h below 90 days, a week beyond; bucket 255 holds everything from 19,464 h.
 * `bucketMidpoint` in libs/actions/domain (loop-measures.ts) is its inverse; keep them in step.
 */
const BUCKET_FN = `CREATE FUNCTION "loop_hours_bucket"(h double precision) RETURNS smallint
  LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE
      WHEN h IS NULL THEN NULL
      WHEN h < 24 THEN floor(GREATEST(h, 0))
      WHEN h < 336 THEN 24 + floor((h - 24) / 6)
      WHEN h < 2160 THEN 76 + floor((h - 336) / 24)
      ELSE LEAST(255, 152 + floor((h - 2160) / 168))
    END)::smallint
  $$`;

/** Adds `sign` × each row of `rows` (loop_items columns) to the weekly roll-ups. */
const applyToRollups = (rows: string, sign: number) => `
    WITH d AS (${rows}),
    k AS (
      SELECT d.owner_key, t.theme_key, d.week, r.source_key AS source, d.told, d.b_action, d.b_ship, d.b_notice
      FROM d CROSS JOIN LATERAL (VALUES ('*'), (COALESCE(d.theme_id, ''))) t(theme_key)
      CROSS JOIN LATERAL (VALUES ('*'), (d.source)) r(source_key)),
    s AS (
      INSERT INTO "loop_weekly_stats" AS w ("owner_key", "theme_key", "week", "source", "actioned", "told")
      SELECT k.owner_key, k.theme_key, k.week, k.source, ${sign} * count(*), ${sign} * count(*) FILTER (WHERE k.told)
      FROM k GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4, 3
      ON CONFLICT ("owner_key", "theme_key", "source", "week") DO UPDATE
        SET "actioned" = w."actioned" + excluded."actioned", "told" = w."told" + excluded."told")
    INSERT INTO "loop_weekly_latency" AS w ("owner_key", "theme_key", "week", "source", "measure", "bucket", "items")
    SELECT k.owner_key, k.theme_key, k.week, k.source, m.measure, m.bucket, ${sign} * count(*)
    FROM k CROSS JOIN LATERAL (VALUES (1::smallint, k.b_action), (2::smallint, k.b_ship), (3::smallint, k.b_notice)) m(measure, bucket)
    WHERE m.bucket IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 4, 3, 5, 6
    ON CONFLICT ("owner_key", "theme_key", "source", "week", "measure", "bucket") DO UPDATE
      SET "items" = w."items" + excluded."items";`;

/** Adds the roll-up keys of the facts of `ids` to the touched keys. */
const touched = `
    SELECT array_agg(k.owner_key) || v_owners, array_agg(k.theme_key) || v_themes,
           array_agg(k.source) || v_sources, array_agg(k.week) || v_weeks
      INTO v_owners, v_themes, v_sources, v_weeks
      FROM (SELECT DISTINCT f.owner_key, tk.theme_key, sk.source, f.week FROM "loop_items" f
            CROSS JOIN LATERAL (VALUES ('*'), (COALESCE(f.theme_id, ''))) tk(theme_key)
            CROSS JOIN LATERAL (VALUES ('*'), (f.source)) sk(source)
            WHERE f.feedback_id = ANY(ids)) k;`;

/**
 * Recomputes the loop facts of some feedback from its lineage (so a repeat changes nothing) and
 * moves the weekly roll-ups by the difference: the old facts are taken out, the new ones added;
 * then each touched week row gets its median buckets again (the weekly series reads them as they
 * are).
 * Advisory locks on 256 slots of the feedback ids (taken in order; few enough for the lock table
 * even when a theme link or the backfill refreshes thousands of items) keep two transactions from
 * refreshing the same item at once.
 */
const REFRESH_FN = `CREATE FUNCTION "loop_refresh"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    v_owners text[] := '{}'; v_themes text[] := '{}'; v_sources text[] := '{}'; v_weeks date[] := '{}';
  BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
    PERFORM pg_advisory_xact_lock(1819242352, x.slot)
      FROM (SELECT DISTINCT abs(hashtext(id::text) % 256) AS slot FROM unnest(ids) id ORDER BY 1) x;

${touched}
    ${applyToRollups(`DELETE FROM "loop_items" WHERE "feedback_id" = ANY(ids) RETURNING *`, -1)}
    ${applyToRollups(
      `INSERT INTO "loop_items" ("feedback_id", "owner_key", "theme_id", "source", "occurred_at", "week", "told", "b_action", "b_ship", "b_notice")
       SELECT i.feedback_id, i.owner_key, i.theme_id, i.source, i.occurred_at,
              (date_trunc('week', i.occurred_at AT TIME ZONE 'UTC'))::date, i.noticed_at IS NOT NULL,
              loop_hours_bucket(extract(epoch FROM (i.actioned_at - i.occurred_at)) / 3600),
              loop_hours_bucket(extract(epoch FROM (i.shipped_at - i.occurred_at)) / 3600),
              loop_hours_bucket(extract(epoch FROM (i.noticed_at - i.occurred_at)) / 3600)
       FROM (
         SELECT l.feedback_id, o.owner_key, min(l.theme_id) AS theme_id, min(l.source) AS source,
                min(l.occurred_at) AS occurred_at, min(l.actioned_at) AS actioned_at,
                min(a.shipped_at) FILTER (WHERE a.shipped_at >= l.occurred_at) AS shipped_at,
                min(l.noticed_at) AS noticed_at
         FROM "action_lineage" l JOIN "actions" a ON a.id = l.action_id
         CROSS JOIN LATERAL (VALUES ('*'), (COALESCE(a.owner_id::text, '-'))) o(owner_key)
         WHERE l.feedback_id = ANY(ids)
         GROUP BY l.feedback_id, o.owner_key) i
       RETURNING *`,
      1,
    )}${touched}
    -- Each touched week row's median buckets (lower and upper middle item) per latency.
    UPDATE "loop_weekly_stats" r SET
      "action_lo" = m.action_lo, "action_hi" = m.action_hi, "ship_lo" = m.ship_lo, "ship_hi" = m.ship_hi,
      "notice_lo" = m.notice_lo, "notice_hi" = m.notice_hi
    FROM (SELECT k.owner_key, k.theme_key, k.source, k.week,
            min(c.bucket) FILTER (WHERE c.measure = 1 AND c.cum >= floor((c.total + 1) / 2)) AS action_lo,
            min(c.bucket) FILTER (WHERE c.measure = 1 AND c.cum >= floor(c.total / 2) + 1) AS action_hi,
            min(c.bucket) FILTER (WHERE c.measure = 2 AND c.cum >= floor((c.total + 1) / 2)) AS ship_lo,
            min(c.bucket) FILTER (WHERE c.measure = 2 AND c.cum >= floor(c.total / 2) + 1) AS ship_hi,
            min(c.bucket) FILTER (WHERE c.measure = 3 AND c.cum >= floor((c.total + 1) / 2)) AS notice_lo,
            min(c.bucket) FILTER (WHERE c.measure = 3 AND c.cum >= floor(c.total / 2) + 1) AS notice_hi
          FROM (SELECT DISTINCT * FROM unnest(v_owners, v_themes, v_sources, v_weeks) AS u(owner_key, theme_key, source, week)) k
          LEFT JOIN LATERAL (
            SELECT l.measure, l.bucket,
                   sum(l.items) OVER (PARTITION BY l.measure ORDER BY l.bucket) AS cum,
                   sum(l.items) OVER (PARTITION BY l.measure) AS total
            FROM "loop_weekly_latency" l
            WHERE l.owner_key = k.owner_key AND l.theme_key = k.theme_key AND l.source = k.source
              AND l.week = k.week AND l.items > 0) c ON true
          GROUP BY 1, 2, 3, 4) m
    WHERE r.owner_key = m.owner_key AND r.theme_key = m.theme_key AND r.source = m.source AND r.week = m.week;
  END $$`;

/**
 * Loop roll-ups: one fact per actioned feedback item (and per owner of its actions) with its
 * earliest times as latency buckets, and weekly roll-ups per (owner, theme, week, source) of
 * actioned and told counts and of the three latencies' histograms, so the loop measures sum a
 * few hundred rows instead of grouping a year of lineage per request. Kept by triggers on
 * `action_lineage` and `actions` in the transactions that change them (tracking stage, api,
 * theme merges); `owner_key` '*' is every owner, '-' no owner; `theme_key` '*' is every theme,
 * '' no theme; `source` '*' is every source (so the figures of all sources read a quarter of the
 * latency rows). Filled for existing lineage at the end.
 */
export class LoopRollups1796400000000 implements MigrationInterface {
  name = 'LoopRollups1796400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "loop_items" ("feedback_id" uuid NOT NULL, "owner_key" text NOT NULL, "theme_id" text,
         "source" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "week" date NOT NULL,
         "told" boolean NOT NULL, "b_action" smallint NOT NULL, "b_ship" smallint, "b_notice" smallint,
         CONSTRAINT "PK_loop_items" PRIMARY KEY ("feedback_id", "owner_key"))`,
    );
    // Covering: the part-weeks and the open loops of age-boundary weeks are read index-only.
    await q.query(
      `CREATE INDEX "ix_loop_items_owner_occurred" ON "loop_items" ("owner_key", "occurred_at")
         INCLUDE ("theme_id", "source", "week", "told", "b_action", "b_ship", "b_notice")`,
    );
    await q.query(
      `CREATE INDEX "ix_loop_items_owner_theme_occurred" ON "loop_items" ("owner_key", "theme_id", "occurred_at")`,
    );
    await q.query(
      `CREATE TABLE "loop_weekly_stats" ("owner_key" text NOT NULL, "theme_key" text NOT NULL, "week" date NOT NULL,
         "source" text NOT NULL, "actioned" integer NOT NULL, "told" integer NOT NULL,
         "action_lo" smallint, "action_hi" smallint, "ship_lo" smallint, "ship_hi" smallint,
         "notice_lo" smallint, "notice_hi" smallint,
         CONSTRAINT "PK_loop_weekly_stats" PRIMARY KEY ("owner_key", "theme_key", "source", "week"))`,
    );
    await q.query(
      `CREATE TABLE "loop_weekly_latency" ("owner_key" text NOT NULL, "theme_key" text NOT NULL, "week" date NOT NULL,
         "source" text NOT NULL, "measure" smallint NOT NULL, "bucket" smallint NOT NULL, "items" integer NOT NULL,
         CONSTRAINT "PK_loop_weekly_latency" PRIMARY KEY ("owner_key", "theme_key", "source", "week", "measure", "bucket"))`,
    );
    // Told now means a notice was sent (notice.delivered.v1), at its sending time, not queued.
    await q.query(
      `UPDATE "action_lineage" l SET "noticed_at" = s.sent_at
       FROM (SELECT action_id, customer_id, min(sent_at) AS sent_at FROM "notices"
             WHERE status = 'sent' AND sent_at IS NOT NULL GROUP BY 1, 2) s
       WHERE s.action_id = l.action_id AND s.customer_id = l.customer_id`,
    );
    await q.query(
      `UPDATE "action_lineage" l SET "noticed_at" = NULL
       WHERE l.noticed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "notices" n
         WHERE n.action_id = l.action_id AND n.customer_id = l.customer_id AND n.status = 'sent' AND n.sent_at IS NOT NULL)`,
    );
    await q.query(BUCKET_FN);
    await q.query(REFRESH_FN);
    await q.query(
      `CREATE FUNCTION "loop_lineage_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           PERFORM loop_refresh(ARRAY(SELECT DISTINCT feedback_id FROM new_rows));
         ELSIF TG_OP = 'DELETE' THEN
           PERFORM loop_refresh(ARRAY(SELECT DISTINCT feedback_id FROM old_rows));
         ELSE
           PERFORM loop_refresh(ARRAY(SELECT n.feedback_id FROM new_rows n
             UNION SELECT o.feedback_id FROM old_rows o));
         END IF;
         RETURN NULL;
       END $$`,
    );
    await q.query(
      `CREATE TRIGGER "loop_lineage_inserted" AFTER INSERT ON "action_lineage"
         REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loop_lineage_changed()`,
    );
    await q.query(
      `CREATE TRIGGER "loop_lineage_updated" AFTER UPDATE ON "action_lineage"
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loop_lineage_changed()`,
    );
    await q.query(
      `CREATE TRIGGER "loop_lineage_deleted" AFTER DELETE ON "action_lineage"
         REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION loop_lineage_changed()`,
    );
    // An action's owner or ship time moves the facts of everything in its lineage.
    await q.query(
      `CREATE FUNCTION "loop_action_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM loop_refresh(ARRAY(
           SELECT DISTINCT l.feedback_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           JOIN action_lineage l ON l.action_id = n.id
           WHERE n.owner_id IS DISTINCT FROM o.owner_id OR n.shipped_at IS DISTINCT FROM o.shipped_at));
         RETURN NULL;
       END $$`,
    );
    await q.query(
      `CREATE TRIGGER "loop_action_updated" AFTER UPDATE ON "actions"
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loop_action_changed()`,
    );
    // Backfill.
    await q.query(`SELECT loop_refresh(ARRAY(SELECT DISTINCT feedback_id FROM "action_lineage"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "loop_action_updated" ON "actions"`);
    await q.query(`DROP FUNCTION "loop_action_changed"()`);
    await q.query(`DROP TRIGGER "loop_lineage_deleted" ON "action_lineage"`);
    await q.query(`DROP TRIGGER "loop_lineage_updated" ON "action_lineage"`);
    await q.query(`DROP TRIGGER "loop_lineage_inserted" ON "action_lineage"`);
    await q.query(`DROP FUNCTION "loop_lineage_changed"()`);
    await q.query(`DROP FUNCTION "loop_refresh"(uuid[])`);
    await q.query(`DROP FUNCTION "loop_hours_bucket"(double precision)`);
    await q.query(`DROP TABLE "loop_weekly_latency"`);
    await q.query(`DROP TABLE "loop_weekly_stats"`);
    await q.query(`DROP TABLE "loop_items"`);
  }
}
