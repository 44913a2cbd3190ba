/** One difference between two versions of a form: a leaf path with its value before and after. */
export interface FormChange {
  /** `indicators[3].actual`, `funding.lines[0].executed`, `remarks`. */
  readonly path: string;
  /** undefined: the field did not exist (an added indicator, an optional field set for the first time). */
  readonly before: unknown;
  readonly after: unknown;
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (base: string, key: string | number): string =>
  typeof key === 'number' ? `${base}[${key}]` : base === '' ? key : `${base}.${key}`;

/**
 * The leaf-level differences from `before` to `after` (two canonical forms, or any JSON values), in
 * document order. Arrays compare element by element (an indicator inserted in the middle shows as
 * changes to the ones after it and one added at the end). Equal inputs give [].
 */
export function diffForms(before: unknown, after: unknown): FormChange[] {
  const changes: FormChange[] = [];
  walk(before as Json | undefined, after as Json | undefined, '', changes);
  return changes;
}

function walk(a: Json | undefined, b: Json | undefined, path: string, out: FormChange[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i += 1) walk(a[i], b[i], join(path, i), out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) walk(a[k] as Json | undefined, b[k] as Json | undefined, join(path, k), out);
    return;
  }
  if (a === b) return;
  // Whole structures appearing or disappearing are reported leaf by leaf against undefined.
  if ((isObject(a) || Array.isArray(a)) && b === undefined) return walk(a, emptyLike(a), path, out);
  if ((isObject(b) || Array.isArray(b)) && a === undefined) return walk(emptyLike(b), b, path, out);
  out.push({ path, before: a, after: b });
}

function emptyLike(v: Json): Json {
  return Array.isArray(v) ? [] : {};
}
