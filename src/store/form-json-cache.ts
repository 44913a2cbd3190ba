import type { Db } from './database.js';

/** A form's JSON as UTF-8 bytes, with the version and write time it belongs to. */
export interface CachedFormJson {
  readonly version: number;
  readonly updatedAt: string;
  readonly bytes: Buffer;
}

/**
 * Recently read form JSON, by form id, least recently used dropped first beyond `maxBytes`.
 *
 * Never a source of truth: a reader sends the cached version and write time along with the query
 * that reads the form, and the database returns the JSON only when they differ from the row's. So an
 * entry is used only while the row still carries that version and time — whichever process or app
 * server wrote it. That holds because every change to a form's JSON or status bumps its version
 * (updateForm, the only writer) and its time; the time also tells a re-created version apart (a
 * database restored from a backup and edited again).
 */
export class FormJsonCache {
  readonly #entries = new Map<string, CachedFormJson>();
  #bytes = 0;

  constructor(
    readonly maxBytes: number,
    /** Larger forms are not kept (one would evict hundreds of ordinary ones). */
    readonly maxEntryBytes: number,
  ) {}

  get(id: string): CachedFormJson | undefined {
    const entry = this.#entries.get(id);
    if (entry) {
      // Map order is insertion order: re-inserting marks the entry most recently used.
      this.#entries.delete(id);
      this.#entries.set(id, entry);
    }
    return entry;
  }

  set(id: string, entry: CachedFormJson): void {
    this.delete(id);
    if (entry.bytes.length > this.maxEntryBytes) return;
    this.#entries.set(id, entry);
    this.#bytes += entry.bytes.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.bytes.length;
    }
  }

  delete(id: string): void {
    const old = this.#entries.get(id);
    if (!old) return;
    this.#entries.delete(id);
    this.#bytes -= old.bytes.length;
  }

  get size(): number {
    return this.#entries.size;
  }
}

const caches = new WeakMap<Db, FormJsonCache>();

/** The cache of one database handle: 16 MB, some 4,000 typical 4 KB forms; none over 1 MB. */
export function formJsonCacheOf(db: Db): FormJsonCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new FormJsonCache(16 * 1024 * 1024, 1024 * 1024);
    caches.set(db, cache);
  }
  return cache;
}
