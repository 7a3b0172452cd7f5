import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The theme list's word search matched `label ILIKE … OR key_phrases::text ILIKE …`, which casts
 * every theme's key phrases from jsonb to text and case-folds both on each request (about 30 ms
 * over 5,000 themes, and twice with totalCount). The lower-cased label and key phrases are now
 * stored with the theme (a generated column, kept by PostgreSQL on every change), so a search is a
 * plain LIKE over short strings.
 */
export class ThemeSearchText1796500000000 implements MigrationInterface {
  name = 'ThemeSearchText1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "themes" ADD "search_text" text GENERATED ALWAYS AS (lower("label" || ' ' || "key_phrases"::text)) STORED`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "themes" DROP COLUMN "search_text"`);
  }
}
