import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifier sends a customer's pending notices together (a digest) once they have waited the
 * digest window, and retries temporary failures on a schedule: `next_attempt_at` is when a notice
 * may be tried again. The partial index serves the notifier's sweep for due notices.
 */
export class NoticeDigest1796600000000 implements MigrationInterface {
  name = 'NoticeDigest1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" ADD "next_attempt_at" timestamptz`);
    await queryRunner.query(
      `CREATE INDEX "ix_notices_pending" ON "notices" ("created_at") WHERE "status" IN ('requested', 'sending')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_notices_pending"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP COLUMN "next_attempt_at"`);
  }
}
