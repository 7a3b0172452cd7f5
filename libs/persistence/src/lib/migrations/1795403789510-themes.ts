import { MigrationInterface, QueryRunner } from 'typeorm';

export class Themes1795403789510 implements MigrationInterface {
  name = 'Themes1795403789510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "theme_daily_stats" ("theme_id" text NOT NULL, "day" date NOT NULL, "source" text NOT NULL, "journey_stage" text NOT NULL, "volume" integer NOT NULL DEFAULT '0', "sentiment_sum" double precision NOT NULL DEFAULT '0', "sentiment_count" integer NOT NULL DEFAULT '0', "negative_count" integer NOT NULL DEFAULT '0', "promoters" integer NOT NULL DEFAULT '0', "passives" integer NOT NULL DEFAULT '0', "detractors" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_c04f45ff0b929c4f3d2d4880c4e" PRIMARY KEY ("theme_id", "day", "source", "journey_stage"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "theme_space_states" ("space" text NOT NULL, "revision" text NOT NULL, "snapshot" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d4817d348cee43a06a8e8753f5" PRIMARY KEY ("space"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "themes" ("id" text NOT NULL, "space" text NOT NULL, "label" text NOT NULL, "label_source" text NOT NULL, "status" text NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "size" integer NOT NULL DEFAULT '0', "top_terms" jsonb NOT NULL DEFAULT '[]'::jsonb, "merged_into" text, "split_from" text, "emerging_since" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ddbeaab913c18682e5c88155592" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_themes_space_status" ON "themes"  ("space", "status") `,
    );
    await queryRunner.query(`ALTER TABLE "feedback" ADD "theme_id" text`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "theme_similarity" real`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "theme_reason" jsonb`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "themed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_theme" ON "feedback"  ("theme_id") WHERE theme_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_theme"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "themed_at"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "theme_reason"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "theme_similarity"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "theme_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_themes_space_status"`);
    await queryRunner.query(`DROP TABLE "themes"`);
    await queryRunner.query(`DROP TABLE "theme_space_states"`);
    await queryRunner.query(`DROP TABLE "theme_daily_stats"`);
  }
}
