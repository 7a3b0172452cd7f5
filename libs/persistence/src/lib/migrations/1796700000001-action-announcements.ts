import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The announcement of an action as it was made: the CX lead's subject and Markdown body, the
 * audience filter used, how many customers it reached, how many were left out per reason, and
 * who announced it when. One per action (an action is announced once). No customer data.
 */
export class ActionAnnouncements1796700000001 implements MigrationInterface {
  name = 'ActionAnnouncements1796700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "action_announcements" (
         "action_id" uuid NOT NULL PRIMARY KEY REFERENCES "actions" ("id") ON DELETE CASCADE,
         "subject" text NOT NULL,
         "body" text NOT NULL,
         "audience_filter" jsonb NOT NULL DEFAULT '{}'::jsonb,
         "audience_size" integer NOT NULL,
         "excluded" jsonb NOT NULL DEFAULT '[]'::jsonb,
         "announced_by_id" text NOT NULL,
         "announced_by" text NOT NULL,
         "announced_at" timestamptz NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "action_announcements"`);
  }
}
