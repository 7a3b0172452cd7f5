import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Action tracking: owners are users (the old free-text owner is kept as `legacy_owner`), target
 * dates, themes linked to actions, comments, a typed audit history with the acting user, the
 * lineage of actioned feedback (what the loop measures and the regression check read), pre-ship
 * baselines, regressions, owner notices in the portal, and the weekly feedback roll-up.
 */
export class ActionTracking1796200000000 implements MigrationInterface {
  name = 'ActionTracking1796200000000';

  public async up(q: QueryRunner): Promise<void> {
    // Owners: a user when the old text names one (by email or name), else kept as text.
    await q.query(`ALTER TABLE "actions" RENAME COLUMN "owner" TO "legacy_owner"`);
    await q.query(`ALTER TABLE "actions" ALTER COLUMN "legacy_owner" DROP NOT NULL`);
    await q.query(
      `ALTER TABLE "actions" ADD "owner_id" uuid, ADD "target_date" date, ADD "reopened_at" TIMESTAMP WITH TIME ZONE,
         ADD "baseline_shipped_at" TIMESTAMP WITH TIME ZONE, ADD "baseline_weeks" integer, ADD "baseline_volume" integer,
         ADD "baseline_negatives" integer`,
    );
    await q.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "FK_actions_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL`,
    );
    await q.query(
      `UPDATE "actions" a SET "owner_id" = u."id" FROM "users" u
       WHERE lower(u."email") = lower(trim(a."legacy_owner")) OR lower(u."name") = lower(trim(a."legacy_owner"))`,
    );
    await q.query(`CREATE INDEX "ix_actions_created" ON "actions" ("created_at", "id")`);
    await q.query(`CREATE INDEX "ix_actions_status" ON "actions" ("status", "created_at")`);
    await q.query(
      `CREATE INDEX "ix_actions_owner" ON "actions" ("owner_id") WHERE owner_id IS NOT NULL`,
    );

    await q.query(
      `CREATE TABLE "action_themes" ("action_id" uuid NOT NULL, "theme_id" text NOT NULL,
         "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "linked_by" uuid,
         CONSTRAINT "PK_action_themes" PRIMARY KEY ("action_id", "theme_id"),
         CONSTRAINT "FK_action_themes_action" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE,
         CONSTRAINT "FK_action_themes_theme" FOREIGN KEY ("theme_id") REFERENCES "themes"("id") ON DELETE CASCADE,
         CONSTRAINT "FK_action_themes_user" FOREIGN KEY ("linked_by") REFERENCES "users"("id") ON DELETE SET NULL)`,
    );
    await q.query(`CREATE INDEX "ix_action_themes_theme" ON "action_themes" ("theme_id")`);

    await q.query(
      `CREATE TABLE "action_comments" ("id" uuid NOT NULL, "action_id" uuid NOT NULL, "author_id" uuid,
         "author_label" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_action_comments" PRIMARY KEY ("id"),
         CONSTRAINT "FK_action_comments_action" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE,
         CONSTRAINT "FK_action_comments_user" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL)`,
    );
    await q.query(
      `CREATE INDEX "ix_action_comments_action" ON "action_comments" ("action_id", "created_at")`,
    );

    // History: `actor` stays the label; who (null for the system), what kind, and an event key
    // that makes system entries written from consumed events idempotent.
    await q.query(
      `ALTER TABLE "action_history" ADD "actor_id" uuid, ADD "kind" text NOT NULL DEFAULT 'status', ADD "event_key" text`,
    );
    await q.query(`ALTER TABLE "action_history" ALTER COLUMN "to_status" DROP NOT NULL`);
    await q.query(
      `ALTER TABLE "action_history" ADD CONSTRAINT "FK_action_history_user" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_action_history_event_key" ON "action_history" ("event_key") WHERE event_key IS NOT NULL`,
    );

    // Lineage: every feedback item an action answers (directly linked, in a linked theme, or
    // arriving later on one), with the facts the measures need, so they never scan feedback.
    await q.query(
      `CREATE TABLE "action_lineage" ("action_id" uuid NOT NULL, "feedback_id" uuid NOT NULL, "theme_id" text,
         "source" text NOT NULL, "customer_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "negative" boolean NOT NULL DEFAULT false, "actioned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "noticed_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "PK_action_lineage" PRIMARY KEY ("action_id", "feedback_id"),
         CONSTRAINT "FK_action_lineage_action" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE)`,
    );
    await q.query(
      `CREATE INDEX "ix_action_lineage_action_occurred" ON "action_lineage" ("action_id", "occurred_at")`,
    );
    await q.query(`CREATE INDEX "ix_action_lineage_occurred" ON "action_lineage" ("occurred_at")`);
    await q.query(`CREATE INDEX "ix_action_lineage_feedback" ON "action_lineage" ("feedback_id")`);
    await q.query(
      `CREATE INDEX "ix_action_lineage_theme" ON "action_lineage" ("theme_id", "occurred_at")`,
    );
    await q.query(
      `INSERT INTO "action_lineage" ("action_id", "feedback_id", "theme_id", "source", "customer_id", "occurred_at", "negative", "actioned_at", "noticed_at")
       SELECT af."action_id", f."id", NULL, f."source", f."customer_id", f."occurred_at", COALESCE(f."sentiment" <= -0.05, false),
              af."linked_at", n."created_at"
       FROM "action_feedback" af JOIN "feedback" f ON f."id" = af."feedback_id"
       LEFT JOIN "notices" n ON n."action_id" = af."action_id" AND n."customer_id" = f."customer_id"`,
    );

    await q.query(
      `CREATE TABLE "action_regressions" ("id" uuid NOT NULL, "action_id" uuid NOT NULL,
         "shipped_at" TIMESTAMP WITH TIME ZONE NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         "reasons" text NOT NULL, "baseline_weekly_volume" double precision NOT NULL, "after_weekly_volume" double precision NOT NULL,
         "baseline_negative_share" double precision NOT NULL, "after_negative_share" double precision NOT NULL,
         "message" text NOT NULL, "event_key" text NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "PK_action_regressions" PRIMARY KEY ("id"),
         CONSTRAINT "FK_action_regressions_action" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_action_regressions_ship" ON "action_regressions" ("action_id", "shipped_at")`,
    );

    await q.query(
      `CREATE TABLE "owner_notices" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "action_id" uuid NOT NULL,
         "kind" text NOT NULL, "message" text NOT NULL, "dedupe_key" text NOT NULL,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "PK_owner_notices" PRIMARY KEY ("id"),
         CONSTRAINT "FK_owner_notices_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
         CONSTRAINT "FK_owner_notices_action" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_owner_notices_dedupe" ON "owner_notices" ("dedupe_key")`,
    );
    await q.query(
      `CREATE INDEX "ix_owner_notices_user" ON "owner_notices" ("user_id", "created_at")`,
    );

    // Weekly feedback per source (the measures' denominator), kept by the tracking stage;
    // `feedback.tracked_at` says an item was counted, so a redelivery is not counted twice.
    await q.query(`ALTER TABLE "feedback" ADD "tracked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE TABLE "feedback_weekly_stats" ("week" date NOT NULL, "source" text NOT NULL, "volume" integer NOT NULL DEFAULT 0,
         CONSTRAINT "PK_feedback_weekly_stats" PRIMARY KEY ("week", "source"))`,
    );
    await q.query(
      `INSERT INTO "feedback_weekly_stats" ("week", "source", "volume")
       SELECT date_trunc('week', "occurred_at" AT TIME ZONE 'UTC')::date, "source", count(*)
       FROM "feedback" WHERE "themed_at" IS NOT NULL GROUP BY 1, 2`,
    );
    await q.query(`UPDATE "feedback" SET "tracked_at" = "themed_at" WHERE "themed_at" IS NOT NULL`);
    // Impact reads a theme's NPS answers by theme and time.
    await q.query(
      `CREATE INDEX "ix_feedback_theme_occurred" ON "feedback" ("theme_id", "occurred_at") WHERE theme_id IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_feedback_theme_occurred"`);
    await q.query(`DROP TABLE "feedback_weekly_stats"`);
    await q.query(`ALTER TABLE "feedback" DROP COLUMN "tracked_at"`);
    await q.query(`DROP TABLE "owner_notices"`);
    await q.query(`DROP TABLE "action_regressions"`);
    await q.query(`DROP TABLE "action_lineage"`);
    await q.query(`DROP INDEX "public"."uq_action_history_event_key"`);
    await q.query(`ALTER TABLE "action_history" DROP CONSTRAINT "FK_action_history_user"`);
    await q.query(`DELETE FROM "action_history" WHERE "to_status" IS NULL`);
    await q.query(`ALTER TABLE "action_history" ALTER COLUMN "to_status" SET NOT NULL`);
    await q.query(
      `ALTER TABLE "action_history" DROP COLUMN "event_key", DROP COLUMN "kind", DROP COLUMN "actor_id"`,
    );
    await q.query(`DROP TABLE "action_comments"`);
    await q.query(`DROP TABLE "action_themes"`);
    await q.query(`DROP INDEX "public"."ix_actions_owner"`);
    await q.query(`DROP INDEX "public"."ix_actions_status"`);
    await q.query(`DROP INDEX "public"."ix_actions_created"`);
    await q.query(
      `UPDATE "actions" a SET "legacy_owner" = COALESCE(a."legacy_owner", (SELECT u."name" FROM "users" u WHERE u."id" = a."owner_id"), 'unknown')`,
    );
    await q.query(`ALTER TABLE "actions" DROP CONSTRAINT "FK_actions_owner"`);
    await q.query(
      `ALTER TABLE "actions" DROP COLUMN "owner_id", DROP COLUMN "target_date", DROP COLUMN "reopened_at",
         DROP COLUMN "baseline_shipped_at", DROP COLUMN "baseline_weeks", DROP COLUMN "baseline_volume",
         DROP COLUMN "baseline_negatives"`,
    );
    await q.query(`ALTER TABLE "actions" ALTER COLUMN "legacy_owner" SET NOT NULL`);
    await q.query(`ALTER TABLE "actions" RENAME COLUMN "legacy_owner" TO "owner"`);
  }
}
