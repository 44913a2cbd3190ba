import { randomUUID } from 'node:crypto';
import type { Db, Role } from './database.js';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly orgId: string | null;
  readonly displayName: string;
  readonly disabled: boolean;
}

export interface UserWithHash extends User {
  readonly passwordHash: string;
}

const columns = ['id', 'username', 'role', 'org_id', 'display_name', 'disabled', 'password_hash'] as const;
type Row = {
  id: string;
  username: string;
  role: Role;
  org_id: string | null;
  display_name: string;
  disabled: number;
  password_hash: string;
};

const toUser = (r: Row): UserWithHash => ({
  id: r.id,
  username: r.username,
  role: r.role,
  orgId: r.org_id,
  displayName: r.display_name,
  disabled: r.disabled !== 0,
  passwordHash: r.password_hash,
});

/** Strip the hash before a user leaves the store layer towards clients. */
export function publicUser(u: User): User {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    orgId: u.orgId,
    displayName: u.displayName,
    disabled: u.disabled,
  };
}

export async function findUserByUsername(db: Db, username: string): Promise<UserWithHash | null> {
  const row = await db.selectFrom('users').select(columns).where('username', '=', username).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(db: Db, id: string): Promise<UserWithHash | null> {
  const row = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').select(columns).orderBy('username').execute();
  return rows.map((r) => publicUser(toUser(r)));
}

/** How many users there are, of one role or of all. */
export async function countUsers(db: Db, role?: Role): Promise<number> {
  let q = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'));
  if (role !== undefined) q = q.where('role', '=', role);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUser {
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly orgId: string | null;
  readonly displayName?: string;
}

export async function insertUser(db: Db, u: NewUser): Promise<User> {
  const row = {
    id: randomUUID(),
    username: u.username,
    password_hash: u.passwordHash,
    role: u.role,
    org_id: u.orgId,
    display_name: u.displayName ?? u.username,
    disabled: 0,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('users').values(row).execute();
  return publicUser(toUser(row));
}

/** Set a password (and re-enable the account). Returns false when there is no such user. */
export async function setPassword(db: Db, username: string, passwordHash: string): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ password_hash: passwordHash, disabled: 0 })
    .where('username', '=', username)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setDisabled(db: Db, username: string, disabled: boolean): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('username', '=', username)
    .executeTakeFirst();
  if (disabled) {
    const user = await findUserByUsername(db, username);
    if (user) await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  }
  return Number(r.numUpdatedRows) > 0;
}
