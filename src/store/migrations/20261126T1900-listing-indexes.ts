import type { Kysely } from 'kysely';

/**
 * FROZEN. Listing sorts by (updated_at desc, id desc): indexes ending in (updated_at, id) let both
 * dialects read a page straight off the index (backwards) instead of sorting every matching row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('forms_unit').execute();
  await db.schema.dropIndex('forms_department').execute();
  await db.schema.createIndex('forms_unit_updated').on('forms').columns(['unit_id', 'updated_at', 'id']).execute();
  await db.schema
    .createIndex('forms_department_updated')
    .on('forms')
    .columns(['department_id', 'updated_at', 'id'])
    .execute();
}
