import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeEnrichmentPromptsApiKeys1795394524603 implements MigrationInterface {
  name = 'IntakeEnrichmentPromptsApiKeys1795394524603';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "research_prompts" ("id" uuid NOT NULL, "question" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8e404357546faa89954abdb6ccf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "key_hash" text NOT NULL, "scopes" text array NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_keys_prefix" ON "api_keys"  ("prefix") `);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "language" text`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "sentiment" real`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "sentiment_label" text`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "journey_stage" text`);
    await queryRunner.query(
      `ALTER TABLE "feedback" ADD "needs_public_answer" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "feedback" ADD "prompt_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "feedback" DROP CONSTRAINT "FK_a0bec92e744f506470240ac779c"`,
    );
    await queryRunner.query(`ALTER TABLE "feedback" ALTER COLUMN "customer_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "feedback" ALTER COLUMN "details" SET DEFAULT '{}'::jsonb`,
    );
    await queryRunner.query(`ALTER TABLE "outbox" ALTER COLUMN "headers" SET DEFAULT '{}'::jsonb`);
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_prompt" ON "feedback"  ("prompt_id") WHERE prompt_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback" ADD CONSTRAINT "FK_a0bec92e744f506470240ac779c" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "feedback" DROP CONSTRAINT "FK_a0bec92e744f506470240ac779c"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_prompt"`);
    await queryRunner.query(`ALTER TABLE "outbox" ALTER COLUMN "headers" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "feedback" ALTER COLUMN "details" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "feedback" ALTER COLUMN "customer_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "feedback" ADD CONSTRAINT "FK_a0bec92e744f506470240ac779c" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "prompt_id"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "needs_public_answer"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "journey_stage"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "sentiment_label"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "sentiment"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "language"`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_keys_prefix"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "research_prompts"`);
  }
}
