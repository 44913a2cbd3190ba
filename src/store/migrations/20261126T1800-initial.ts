import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * FROZEN: never edit a migration once merged (the checksum of its SQL is stored and checked at every
 * start). Change the schema with a new timestamp-named file listed in migrations/index.ts.
 * Portable types only: text, integer, bigint, double precision (SQLite maps them to its affinities).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['bureau', 'department', 'unit'])))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('orgs_parent_name', ['parent_id', 'name'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sqlIn('role', ['filler', 'reviewer', 'finance', 'auditor', 'admin'])),
    )
    .addColumn('org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    .addColumn('budget_fen', 'bigint')
    .addColumn('executed_fen', 'bigint')
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forms_unit').on('forms').columns(['unit_id', 'updated_at']).execute();
  await db.schema.createIndex('forms_department').on('forms').columns(['department_id', 'updated_at']).execute();
  await db.schema.createIndex('forms_updated').on('forms').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('forms_year_status').on('forms').columns(['year', 'status']).execute();

  await db.schema
    .createTable('form_versions')
    .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_versions_pk', ['form_id', 'version'])
    .execute();

  await db.schema
    .createTable('form_events')
    .addColumn('id', 'integer', (c) =>
      // SQLite: INTEGER PRIMARY KEY is the rowid, assigned in order; PostgreSQL needs an identity.
      dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('form_events_form').on('form_events').columns(['form_id', 'id']).execute();

  await db.schema
    .createTable('review_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('indicator_index', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_comments_form').on('review_comments').columns(['form_id']).execute();

  await db.schema
    .createTable('review_ratings')
    .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('indicator_index', 'integer', (c) => c.notNull())
    .addColumn('rating', 'double precision', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_ratings_pk', ['form_id', 'indicator_index'])
    .execute();

  await db.schema
    .createTable('review_deductions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('centipoints', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_deductions_form').on('review_deductions').columns(['form_id']).execute();
}

/** `column IN ('a', 'b')` as a check expression; the values are constants of this file. */
function sqlIn(column: string, values: readonly string[]) {
  return sqlRaw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

const sqlRaw = (text: string) => sql.raw(text);
