import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The correlation id of the request that announced a notice (the same one its notice.requested
 * event travels with), kept on the notice so the email and the notice.delivered event carry it too.
 */
export class NoticeCorrelationId1796800000000 implements MigrationInterface {
  name = 'NoticeCorrelationId1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" ADD "correlation_id" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" DROP COLUMN "correlation_id"`);
  }
}
