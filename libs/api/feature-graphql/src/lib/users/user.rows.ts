import type { User, UserRoleValue } from './user.model';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  created_at: Date;
  disabled_at: Date | null;
  last_sign_in_at: Date | null;
}

export const USER_COLUMNS = 'id, email, name, role, created_at, disabled_at, last_sign_in_at';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as UserRoleValue,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    lastSignInAt: row.last_sign_in_at,
  };
}
