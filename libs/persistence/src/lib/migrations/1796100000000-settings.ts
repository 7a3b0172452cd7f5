import { MigrationInterface, QueryRunner } from 'typeorm';

/** Settings admins change in the portal: one row per setting, its value as JSON, who changed it last. */
export class Settings1796100000000 implements MigrationInterface {
  name = 'Settings1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "settings" ("key" text NOT NULL, "value" jsonb NOT NULL, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_settings" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "settings"`);
  }
}
