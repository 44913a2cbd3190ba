import { randomBytes } from 'node:crypto';
import type { Role } from '../domain/workflow/index.js';
import type { Db } from '../store/database.js';
import { ensureBureau, ensureOrg, type Org } from '../store/orgs.repository.js';
import { countUsers, findUserByUsername, insertUser, setPassword, type User } from '../store/users.repository.js';
import { hashPassword } from './services/auth.service.js';

/** A random password for people to copy: 20 base64url characters (120 bits). */
export const randomPassword = (): string => randomBytes(15).toString('base64url');

export interface AccountSpec {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  /** filler: the unit (and its department); reviewer: the department; others: none. */
  readonly department?: string;
  readonly unit?: string;
  readonly displayName?: string;
}

/** The org a role belongs to, created on demand; throws a bilingual Error when the spec lacks it. */
export async function orgFor(db: Db, spec: Pick<AccountSpec, 'role' | 'department' | 'unit'>): Promise<Org | null> {
  const bureau = await ensureBureau(db);
  switch (spec.role) {
    case 'filler': {
      if (!spec.department || !spec.unit)
        throw new Error('填报人需要 --department 和 --unit (a filler needs --department and --unit)');
      const dep = await ensureOrg(db, 'department', spec.department, bureau.id);
      return ensureOrg(db, 'unit', spec.unit, dep.id);
    }
    case 'reviewer':
      if (!spec.department) throw new Error('审核人需要 --department (a reviewer needs --department)');
      return ensureOrg(db, 'department', spec.department, bureau.id);
    case 'finance':
      return bureau;
    case 'auditor':
    case 'admin':
      return null;
  }
}

/** Create a user (and its orgs), or reset the password of an existing one. Returns the user and whether it was new. */
export async function upsertAccount(db: Db, spec: AccountSpec): Promise<{ user: User; created: boolean }> {
  const existing = await findUserByUsername(db, spec.username);
  const passwordHash = await hashPassword(spec.password);
  if (existing) {
    await setPassword(db, spec.username, passwordHash);
    return { user: existing, created: false };
  }
  const org = await orgFor(db, spec);
  const user = await insertUser(db, {
    username: spec.username,
    passwordHash,
    role: spec.role,
    orgId: org?.id ?? null,
    ...(spec.displayName !== undefined ? { displayName: spec.displayName } : {}),
  });
  return { user, created: true };
}

/**
 * First start: with no administrator yet (a database fresh or holding only demo users), create
 * `admin` with `password` or a random one. Returns the random password to print once, or null
 * (an administrator existed, or the password was given).
 */
export async function ensureAdmin(db: Db, password: string | null): Promise<string | null> {
  if ((await countUsers(db, 'admin')) > 0 || (await findUserByUsername(db, 'admin'))) return null;
  const chosen = password ?? randomPassword();
  await upsertAccount(db, { username: 'admin', password: chosen, role: 'admin', displayName: '管理员' });
  return password === null ? chosen : null;
}
