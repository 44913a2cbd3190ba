import { randomUUID } from 'node:crypto';
import type { Db, OrgKind } from './database.js';

export interface Org {
  readonly id: string;
  readonly kind: OrgKind;
  readonly name: string;
  readonly parentId: string | null;
}

const columns = ['id', 'kind', 'name', 'parent_id'] as const;
const toOrg = (r: { id: string; kind: OrgKind; name: string; parent_id: string | null }): Org => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  parentId: r.parent_id,
});

/** The org with this id, or null. */
export async function findOrg(db: Db, id: string): Promise<Org | null> {
  const row = await db.selectFrom('orgs').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toOrg(row) : null;
}

/** Every org, bureau first, then departments, then units, each by name. */
export async function listOrgs(db: Db): Promise<Org[]> {
  const rows = await db.selectFrom('orgs').select(columns).orderBy('name').execute();
  const rank: Record<OrgKind, number> = { bureau: 0, department: 1, unit: 2 };
  return rows.map(toOrg).sort((a, b) => rank[a.kind] - rank[b.kind]);
}

/** Orgs of a kind with this name (names are unique among siblings, not globally). */
export async function findOrgsByName(db: Db, kind: OrgKind, name: string): Promise<Org[]> {
  const rows = await db.selectFrom('orgs').select(columns).where('kind', '=', kind).where('name', '=', name).execute();
  return rows.map(toOrg);
}

/** The org `name` of `kind` under `parentId`, created when absent. The bureau is the only root. */
export async function ensureOrg(db: Db, kind: OrgKind, name: string, parentId: string | null): Promise<Org> {
  let q = db.selectFrom('orgs').select(columns).where('kind', '=', kind).where('name', '=', name);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const found = await q.executeTakeFirst();
  if (found) return toOrg(found);
  const org = { id: randomUUID(), kind, name, parent_id: parentId, created_at: new Date().toISOString() };
  await db.insertInto('orgs').values(org).execute();
  return toOrg(org);
}

/** The default finance bureau (the root of the tree), created on first use. */
export async function ensureBureau(db: Db, name = '财政局'): Promise<Org> {
  const existing = await db.selectFrom('orgs').select(columns).where('kind', '=', 'bureau').executeTakeFirst();
  return existing ? toOrg(existing) : ensureOrg(db, 'bureau', name, null);
}

/** Department → unit path, both created when absent. Returns the unit. */
export async function ensureUnit(db: Db, department: string, unit: string): Promise<{ department: Org; unit: Org }> {
  const bureau = await ensureBureau(db);
  const dep = await ensureOrg(db, 'department', department, bureau.id);
  return { department: dep, unit: await ensureOrg(db, 'unit', unit, dep.id) };
}
