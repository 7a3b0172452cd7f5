import {
  hashPassword,
  passwordProblems,
  verifyPassword,
  type Role,
} from '@closedloop/access-domain';
import { isUuid } from '@closedloop/persistence';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { SessionService } from '../auth/session.service';
import type { UserPrincipal } from '../auth/user-principal';
import { apiError } from '../errors/api-error';
import type { Connection } from '../pagination/connection.model';
import { checkPageSize, decodeCursor } from '../pagination/cursor';
import { toConnection } from '../pagination/to-connection';
import type { User } from './user.model';
import { toUser, USER_COLUMNS, type UserRow } from './user.rows';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$|^[^\s@]+@[^\s@.]+$/;

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

/** People and their accounts: create, change role, disable, passwords. Admins only, except one's own password. */
@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async byId(id: string): Promise<User | null> {
    if (!isUuid(id)) return null;
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async byEmail(email: string): Promise<User | null> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`,
      [email.trim()],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** Lets a disabled person sign in again (no checks: for start-up tooling). */
  async enable(id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE users SET disabled_at = NULL, updated_at = now() WHERE id = $1',
      [id],
    );
  }

  /** People ordered by email. */
  async list(first: number, after: string | null): Promise<Connection<User>> {
    checkPageSize(first);
    const position = after ? decodeCursor(after) : null;
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users
        WHERE ($1::text IS NULL OR (lower(email), id) > ($1::text, $2::uuid))
        ORDER BY lower(email), id LIMIT $3`,
      [
        position ? String(position.key) : null,
        position && isUuid(position.id) ? position.id : null,
        first + 1,
      ],
    );
    const [{ count }] = (await this.dataSource.query(
      'SELECT count(*)::int AS count FROM users',
    )) as [{ count: number }];
    return toConnection(rows.map(toUser), first, count, (u) => ({
      key: u.email.toLowerCase(),
      id: u.id,
    }));
  }

  async create(input: NewUser): Promise<User> {
    const email = input.email.trim();
    const name = input.name.trim();
    if (!EMAIL.test(email) || email.length > 254)
      throw apiError('BAD_USER_INPUT', 'Not an email address', { field: 'email' });
    if (name.length === 0 || name.length > 200)
      throw apiError('BAD_USER_INPUT', 'A name has 1 to 200 characters', { field: 'name' });
    this.checkPassword(input.password, { email, name }, 'password');
    const hash = await hashPassword(input.password);
    const rows: UserRow[] = await this.dataSource.query(
      `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING ${USER_COLUMNS}`,
      [randomUUID(), email, name, input.role, hash],
    );
    if (!rows[0])
      throw apiError('CONFLICT', `There is already a user with the email ${email}`, {
        field: 'email',
      });
    return toUser(rows[0]);
  }

  async update(
    actor: UserPrincipal,
    id: string,
    input: { name?: string | null; role?: Role | null },
  ): Promise<User> {
    const name = input.name?.trim();
    if (name !== undefined && (name.length === 0 || name.length > 200)) {
      throw apiError('BAD_USER_INPUT', 'A name has 1 to 200 characters', { field: 'name' });
    }
    return this.dataSource.transaction(async (m) => {
      const user = await this.lockedUser(m, id);
      if (input.role && input.role !== user.role && user.role === 'admin') {
        await this.guardLastAdmin(m, actor, user, 'demote');
      }
      await m.query(
        'UPDATE users SET name = COALESCE($2, name), role = COALESCE($3, role), updated_at = now() WHERE id = $1',
        [id, name ?? null, input.role ?? null],
      );
      const rows: UserRow[] = await m.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [
        id,
      ]);
      return toUser(rows[0] as UserRow);
    });
  }

  /** Disabling ends every session of the person at once. */
  async setDisabled(actor: UserPrincipal, id: string, disabled: boolean): Promise<User> {
    const user = await this.dataSource.transaction(async (m) => {
      const found = await this.lockedUser(m, id);
      if (disabled && found.role === 'admin') await this.guardLastAdmin(m, actor, found, 'disable');
      if (disabled && found.id === actor.userId)
        throw apiError('LAST_ADMIN', 'You cannot disable yourself');
      await m.query(
        `UPDATE users SET disabled_at = ${disabled ? 'COALESCE(disabled_at, now())' : 'NULL'}, updated_at = now() WHERE id = $1`,
        [id],
      );
      return found;
    });
    if (disabled) await this.sessions.revokeSessionsOf(user.id);
    return (await this.byId(id)) as User;
  }

  /** An admin sets someone's password; their sessions end. */
  async resetPassword(id: string, password: string): Promise<User> {
    const user = await this.byId(id);
    if (!user) throw apiError('NOT_FOUND', `No user ${id}`, { field: 'id' });
    this.checkPassword(password, user, 'password');
    await this.dataSource.query(
      'UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1',
      [id, await hashPassword(password)],
    );
    await this.sessions.revokeSessionsOf(id);
    return user;
  }

  /** One's own password; every other session of the person ends. */
  async changeOwnPassword(actor: UserPrincipal, current: string, next: string): Promise<void> {
    const rows: { password_hash: string }[] = await this.dataSource.query(
      'SELECT password_hash FROM users WHERE id = $1',
      [actor.userId],
    );
    if (!rows[0] || !(await verifyPassword(current, rows[0].password_hash))) {
      throw apiError('BAD_USER_INPUT', 'The current password is wrong', { field: 'current' });
    }
    this.checkPassword(next, actor, 'next');
    await this.dataSource.query(
      'UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1',
      [actor.userId, await hashPassword(next)],
    );
    await this.sessions.revokeSessionsOf(actor.userId, actor.sessionId);
  }

  /** Creates the admin named by the environment unless a user with that email exists; true when created. */
  async ensureAdmin(email: string, name: string, password: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM users WHERE lower(email) = lower($1)',
      [email.trim()],
    );
    if (rows.length > 0) return false;
    await this.create({ email, name, role: 'admin', password });
    return true;
  }

  private checkPassword(
    password: string,
    who: { email?: string; name?: string },
    field: string,
  ): void {
    const problems = passwordProblems(password, who);
    if (problems.length > 0)
      throw apiError('BAD_USER_INPUT', problems.join('; '), { field, problems });
  }

  private async lockedUser(m: EntityManager, id: string): Promise<UserRow> {
    const rows: UserRow[] = isUuid(id)
      ? await m.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id])
      : [];
    if (!rows[0]) throw apiError('NOT_FOUND', `No user ${id}`, { field: 'id' });
    return rows[0];
  }

  /** An admin cannot disable or demote themselves, nor the last enabled admin. */
  private async guardLastAdmin(
    m: EntityManager,
    actor: UserPrincipal,
    target: UserRow,
    what: string,
  ): Promise<void> {
    if (target.id === actor.userId) throw apiError('LAST_ADMIN', `You cannot ${what} yourself`);
    const others: unknown[] = await m.query(
      "SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1 FOR UPDATE",
      [target.id],
    );
    if (others.length === 0) throw apiError('LAST_ADMIN', `Cannot ${what} the last admin`);
  }
}
