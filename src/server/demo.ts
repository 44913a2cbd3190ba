import { readFile } from 'node:fs/promises';
import { findOrgsByName } from '../store/orgs.repository.js';
import type { Db } from '../store/database.js';
import { findUserByUsername } from '../store/users.repository.js';
import { randomPassword, upsertAccount } from './accounts.js';
import type { AppContext } from './context.js';
import { importForms } from './services/import.service.js';

export const demoDepartment = '深圳市坪山区司法局';
export const demoUnit = '深圳市坪山区司法局';
export const demoUsers = ['demo-filler', 'demo-reviewer', 'demo-finance', 'demo-auditor'] as const;

const seedFile = new URL('../../fixtures/seed/pingshan-justice-2020.txt', import.meta.url);

async function demoFormCount(db: Db): Promise<number> {
  const deps = await findOrgsByName(db, 'department', demoDepartment);
  if (deps.length === 0) return 0;
  const row = await db
    .selectFrom('forms')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'department_id',
      'in',
      deps.map((d) => d.id),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Load the demo: the four demo users (password given, or one random password returned to print once)
 * and the six seed forms imported as drafts of 深圳市坪山区司法局. Running it again resets the demo
 * passwords and imports nothing twice.
 */
export async function loadDemo(
  ctx: AppContext,
  password: string | null,
): Promise<{ password: string; printed: boolean; forms: number; imported: number }> {
  const db = ctx.store.db;
  const chosen = password ?? randomPassword();
  const place = { department: demoDepartment, unit: demoUnit };
  await upsertAccount(db, {
    username: 'demo-filler',
    password: chosen,
    role: 'filler',
    ...place,
    displayName: '演示填报人',
  });
  await upsertAccount(db, {
    username: 'demo-reviewer',
    password: chosen,
    role: 'reviewer',
    department: demoDepartment,
    displayName: '演示审核人',
  });
  await upsertAccount(db, { username: 'demo-finance', password: chosen, role: 'finance', displayName: '演示财政' });
  await upsertAccount(db, { username: 'demo-auditor', password: chosen, role: 'auditor', displayName: '演示审计' });
  let imported = 0;
  if ((await demoFormCount(db)) === 0) {
    const filler = await findUserByUsername(db, 'demo-filler');
    if (!filler) throw new Error('demo-filler missing after creation');
    const bytes = await readFile(seedFile);
    const result = await importForms(
      ctx,
      { id: filler.id, role: 'filler', orgId: filler.orgId },
      [{ name: 'pingshan-justice-2020.txt', bytes }],
      undefined,
    );
    imported = result.forms.length;
  }
  return { password: chosen, printed: password === null, forms: await demoFormCount(db), imported };
}
