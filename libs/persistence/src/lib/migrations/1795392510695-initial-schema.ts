import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795392510695 implements MigrationInterface {
  name = 'InitialSchema1795392510695';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "action_feedback" ("action_id" uuid NOT NULL, "feedback_id" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ee5c22da2d7170b3cdc698118e" PRIMARY KEY ("action_id", "feedback_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_action_feedback_feedback" ON "action_feedback"  ("feedback_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "action_history" ("id" uuid NOT NULL, "action_id" uuid NOT NULL, "actor" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ca1fdf2edcf542ad46702522633" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_action_history_action" ON "action_history"  ("action_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "actions" ("id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "owner" text NOT NULL, "status" text NOT NULL, "decline_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shipped_at" TIMESTAMP WITH TIME ZONE, "announced_at" TIMESTAMP WITH TIME ZONE, "notice_subject" text, "notice_body" text, CONSTRAINT "PK_7bfb822f56be449c0b8adbf83cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "customers" ("id" uuid NOT NULL, "email" text, "name" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "unsubscribed_at" TIMESTAMP WITH TIME ZONE, "erased_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_customers_email" ON "customers"  ("email") WHERE email IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "customer_identities" ("id" uuid NOT NULL, "customer_id" uuid NOT NULL, "source" text NOT NULL, "external_id" text NOT NULL, CONSTRAINT "PK_22a6dcd2cf7f2587b5a27cfa9c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_customer_identities_customer" ON "customer_identities"  ("customer_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_customer_identities_source_external" ON "customer_identities"  ("source", "external_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "feedback" ("id" uuid NOT NULL, "event_key" text NOT NULL, "source" text NOT NULL, "customer_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "text" text, "metric" text, "score" smallint, "score_band" text, "correlation_id" text, "details" jsonb NOT NULL DEFAULT '{}'::jsonb, CONSTRAINT "PK_8389f9e087a57689cd5be8b2b13" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_feedback_event_key" ON "feedback"  ("event_key") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_feedback_customer" ON "feedback"  ("customer_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_received" ON "feedback"  ("received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notices" ("id" uuid NOT NULL, "action_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "message_id" text, "last_error" text, "subject" text, "text_body" text, "html_body" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3eb18c29da25d6935fcbe584237" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notices_customer" ON "notices"  ("customer_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notices_action_customer" ON "notices"  ("action_id", "customer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("seq" BIGSERIAL NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "payload" jsonb NOT NULL, "headers" jsonb NOT NULL DEFAULT '{}'::jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_unpublished" ON "outbox"  ("seq") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "customer_identities" ADD CONSTRAINT "FK_f029c64f58346eb3bb3d760a97e" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback" ADD CONSTRAINT "FK_a0bec92e744f506470240ac779c" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "feedback" DROP CONSTRAINT "FK_a0bec92e744f506470240ac779c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "customer_identities" DROP CONSTRAINT "FK_f029c64f58346eb3bb3d760a97e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_unpublished"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notices_action_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notices_customer"`);
    await queryRunner.query(`DROP TABLE "notices"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_customer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_feedback_event_key"`);
    await queryRunner.query(`DROP TABLE "feedback"`);
    await queryRunner.query(`DROP INDEX "public"."uq_customer_identities_source_external"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customer_identities_customer"`);
    await queryRunner.query(`DROP TABLE "customer_identities"`);
    await queryRunner.query(`DROP INDEX "public"."uq_customers_email"`);
    await queryRunner.query(`DROP TABLE "customers"`);
    await queryRunner.query(`DROP TABLE "actions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_action_history_action"`);
    await queryRunner.query(`DROP TABLE "action_history"`);
    await queryRunner.query(`DROP INDEX "public"."ix_action_feedback_feedback"`);
    await queryRunner.query(`DROP TABLE "action_feedback"`);
  }
}
