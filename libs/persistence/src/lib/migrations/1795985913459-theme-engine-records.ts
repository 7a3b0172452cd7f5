import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The theme engine moved from sparse TF-IDF to sentence embeddings and from one JSON snapshot per
 * theme space to per-theme records. The old state cannot be carried over (it holds no
 * embeddings), so theme data is cleared and feedback is left unthemed; nothing had shipped with it.
 */
export class ThemeEngineRecords1795985913459 implements MigrationInterface {
  name = 'ThemeEngineRecords1795985913459';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await clearThemeData(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "theme_noise_items" ("space" text NOT NULL, "feedback_id" uuid NOT NULL, "manual" boolean NOT NULL DEFAULT false, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5090fc1f245313889514e1dbe1" PRIMARY KEY ("space", "feedback_id"))`,
    );
    await queryRunner.query(`CREATE SEQUENCE "theme_space_version_seq"`);
    await queryRunner.query(`ALTER TABLE "theme_space_states" DROP COLUMN "snapshot"`);
    await queryRunner.query(`ALTER TABLE "theme_space_states" DROP COLUMN "revision"`);
    await queryRunner.query(`ALTER TABLE "theme_space_states" ADD "version" bigint NOT NULL`);
    await queryRunner.query(`ALTER TABLE "theme_space_states" ADD "global_state" jsonb NOT NULL`);
    await queryRunner.query(`ALTER TABLE "themes" RENAME COLUMN "top_terms" TO "key_phrases"`);
    await queryRunner.query(`ALTER TABLE "themes" ADD "engine_record" jsonb`);
    await queryRunner.query(`ALTER TABLE "themes" ADD "engine_sum" bytea`);
    await queryRunner.query(
      `ALTER TABLE "themes" ADD "engine_version" bigint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_themes_space_version" ON "themes"  ("space", "engine_version") `,
    );
    await queryRunner.query(`ALTER TABLE "feedback" ADD "embedding" bytea`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await clearThemeData(queryRunner);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "embedding"`);
    await queryRunner.query(`DROP INDEX "public"."ix_themes_space_version"`);
    await queryRunner.query(`ALTER TABLE "themes" DROP COLUMN "engine_version"`);
    await queryRunner.query(`ALTER TABLE "themes" DROP COLUMN "engine_sum"`);
    await queryRunner.query(`ALTER TABLE "themes" DROP COLUMN "engine_record"`);
    await queryRunner.query(`ALTER TABLE "themes" RENAME COLUMN "key_phrases" TO "top_terms"`);
    await queryRunner.query(`ALTER TABLE "theme_space_states" DROP COLUMN "global_state"`);
    await queryRunner.query(`ALTER TABLE "theme_space_states" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "theme_space_states" ADD "revision" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "theme_space_states" ADD "snapshot" jsonb NOT NULL`);
    await queryRunner.query(`DROP SEQUENCE "theme_space_version_seq"`);
    await queryRunner.query(`DROP TABLE "theme_noise_items"`);
  }
}

/** Forgets every theme and every placement: the two engines' states are not interchangeable. */
async function clearThemeData(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DELETE FROM "theme_daily_stats"`);
  await queryRunner.query(`DELETE FROM "theme_space_states"`);
  await queryRunner.query(`DELETE FROM "themes"`);
  await queryRunner.query(
    `UPDATE "feedback" SET "theme_id" = NULL, "theme_similarity" = NULL, "theme_reason" = NULL, "themed_at" = NULL WHERE "themed_at" IS NOT NULL OR "theme_id" IS NOT NULL`,
  );
}
