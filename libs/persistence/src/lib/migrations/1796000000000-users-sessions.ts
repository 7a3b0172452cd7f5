import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People who sign in to the portal (viewer, CX lead, admin) and their sessions. Passwords are
 * stored only as scrypt hashes; session tokens only as SHA-256 hashes (they are 32 random bytes).
 * Action owners and the actors in action history refer to users.
 */
export class UsersSessions1796000000000 implements MigrationInterface {
  name = 'UsersSessions1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_users" PRIMARY KEY ("id"), CONSTRAINT "CHK_users_role" CHECK ("role" IN ('viewer', 'cx_lead', 'admin')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" (lower("email"))`);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_sessions" PRIMARY KEY ("id"), CONSTRAINT "FK_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_sessions_token_hash" ON "sessions" ("token_hash")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
