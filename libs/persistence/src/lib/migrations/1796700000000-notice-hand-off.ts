import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one email per notice, also when a notifier is killed mid-send. `claim_token` names one
 * claim of a notice (a new one each time a notifier takes it); `handed_at` is set, under that
 * token, just before the message is handed to the SMTP server. A stale claim whose message was
 * never handed over may be taken again; one that was handed over is in doubt (the server may have
 * accepted it) and is never sent again.
 */
export class NoticeHandOff1796700000000 implements MigrationInterface {
  name = 'NoticeHandOff1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" ADD "claim_token" uuid`);
    await queryRunner.query(`ALTER TABLE "notices" ADD "handed_at" timestamptz`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" DROP COLUMN "handed_at"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP COLUMN "claim_token"`);
  }
}
