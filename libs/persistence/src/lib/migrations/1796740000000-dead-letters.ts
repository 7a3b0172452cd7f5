import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dead letters kept where people can act on them: one row per message on a dead-letter topic
 * (unique by its position there, so keeping twice is keeping once), with the original bytes and
 * headers for replay, why it failed, and what was done about it (open, replayed, discarded).
 */
export class DeadLetters1796740000000 implements MigrationInterface {
  name = 'DeadLetters1796740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dead_letters" (
         "id" uuid NOT NULL,
         "dlq_topic" text NOT NULL,
         "dlq_partition" integer NOT NULL,
         "dlq_offset" bigint NOT NULL,
         "source_topic" text NOT NULL,
         "source_partition" integer,
         "source_offset" bigint,
         "consumer_group" text,
         "reason" text NOT NULL,
         "failed_at" timestamptz NOT NULL,
         "message_key" text,
         "value" bytea,
         "headers" jsonb NOT NULL DEFAULT '{}',
         "status" text NOT NULL DEFAULT 'open',
         "replay_count" integer NOT NULL DEFAULT 0,
         "resolved_at" timestamptz,
         "resolved_by" text,
         "note" text,
         "kept_at" timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT "PK_dead_letters" PRIMARY KEY ("id"),
         CONSTRAINT "uq_dead_letters_position" UNIQUE ("dlq_topic", "dlq_partition", "dlq_offset"),
         CONSTRAINT "ck_dead_letters_status" CHECK ("status" IN ('open', 'replayed', 'discarded'))
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_dead_letters_failed" ON "dead_letters" ("failed_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_dead_letters_open" ON "dead_letters" ("source_topic") WHERE "status" = 'open'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dead_letters"`);
  }
}
