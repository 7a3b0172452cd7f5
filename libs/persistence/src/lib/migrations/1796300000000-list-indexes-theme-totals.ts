import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps the portal's paginated lists index-driven at a million feedback rows, and adds the
 * per-theme roll-up the theme list sorts and filters by (so no request aggregates feedback).
 *
 * Feedback lists are newest received first by (received_at, id) (ix_feedback_received): one index
 * per filter that narrows a lot (source, theme, customer) leads with it, so a page is a short
 * backward index scan; (occurred_at, id) serves the time-range filter; text search
 * uses a GIN index on a stored word vector (`simple` configuration, which needs no extension and
 * runs on PGlite). The (theme_id) and (customer_id) indexes are superseded by the wider ones.
 *
 * theme_totals holds one row per theme (saveEngineChanges adds it with the theme, the daily
 * statistics keep it), indexed by each sort key of the theme list, so a page is an index walk.
 */
export class ListIndexesThemeTotals1796300000000 implements MigrationInterface {
  name = 'ListIndexesThemeTotals1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_occurred" ON "feedback" ("occurred_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_source_received" ON "feedback" ("source", "received_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_theme_received" ON "feedback" ("theme_id", "received_at", "id") WHERE theme_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_customer_received" ON "feedback" ("customer_id", "received_at", "id")`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_theme"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_customer"`);
    await queryRunner.query(
      `ALTER TABLE "feedback" ADD "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE("text", ''))) STORED`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_text_search" ON "feedback" USING gin ("search_vector")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_customers_created" ON "customers" ("created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "theme_totals" ("theme_id" text NOT NULL, "volume" integer NOT NULL DEFAULT 0, "negative_count" integer NOT NULL DEFAULT 0, "sentiment_sum" double precision NOT NULL DEFAULT 0, "sentiment_count" integer NOT NULL DEFAULT 0, "last_feedback_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_theme_totals" PRIMARY KEY ("theme_id"))`,
    );
    // One row per theme (an empty one for a theme without feedback), so lists walk these indexes.
    await queryRunner.query(
      `CREATE INDEX "ix_theme_totals_volume" ON "theme_totals" ("volume", "theme_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_theme_totals_negative_share" ON "theme_totals" (("negative_count"::float8 / GREATEST("volume", 1)), "theme_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_theme_totals_recent" ON "theme_totals" ((COALESCE("last_feedback_at", 'epoch'::timestamptz)), "theme_id")`,
    );
    await queryRunner.query(
      `INSERT INTO "theme_totals" (theme_id, volume, negative_count, sentiment_sum, sentiment_count, last_feedback_at)
       SELECT t.id, COALESCE(a.volume, 0), COALESCE(a.negative_count, 0), COALESCE(a.sentiment_sum, 0),
              COALESCE(a.sentiment_count, 0), a.last_feedback_at
       FROM "themes" t LEFT JOIN (
         SELECT theme_id, count(*) AS volume, count(*) FILTER (WHERE sentiment <= -0.05) AS negative_count,
                sum(sentiment) AS sentiment_sum, count(sentiment) AS sentiment_count, max(occurred_at) AS last_feedback_at
         FROM "feedback" WHERE theme_id IS NOT NULL GROUP BY theme_id
       ) a ON a.theme_id = t.id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "theme_totals"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customers_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_text_search"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "search_vector"`);
    await queryRunner.query(`CREATE INDEX "ix_feedback_customer" ON "feedback" ("customer_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_theme" ON "feedback" ("theme_id") WHERE theme_id IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_customer_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_theme_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_source_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_occurred"`);
  }
}
