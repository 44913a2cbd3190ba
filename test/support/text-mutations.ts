import fc from 'fast-check';

/**
 * Ways copied text breaks, for property tests of the text importer (import-text.property.test.ts):
 * lines deleted, doubled, swapped, joined or split, characters inserted (CJK, ASCII, NBSP, U+3000,
 * tabs, `\r`, zero-width), digits changed, neighbouring cells glued, the text cut or repeated.
 * Edits are data, so a failing case prints as a short list of edits, not as the whole text. Test
 * support, not import code.
 */

/** One edit of the text's lines; positions are taken modulo the line count (or line length). */
export type Mutation =
  | { op: 'delete' | 'duplicate' | 'digits'; at: number; seed: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'join'; at: number; glue: string }
  | { op: 'split' | 'truncate'; at: number; pos: number }
  | { op: 'insert'; at: number; pos: number; text: string }
  | { op: 'glue-cells'; at: number }
  | { op: 'repeat'; times: number };

const CJK = fc.constantFrom(...'项目名称年度资金总额指标值完成分元万其中一二三、，：:（）()%％≥≤．');
const ASCII = fc.constantFrom(...'0123456789.,-|:;/ aZ#*');
const SPACE = fc.constantFrom(' ', '\u00a0', '\u3000', '\t', '\r', '\n', '\r\n', '  ', '\u200b', '\ufeff');
const insertText = fc.array(fc.oneof(CJK, ASCII, SPACE), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete', 'duplicate', 'digits'), at: fc.nat(), seed: fc.nat() }),
  fc.record({ op: fc.constant('swap'), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('join'), at: fc.nat(), glue: fc.constantFrom('', ' ', '\t', '|', '\u3000') }),
  fc.record({ op: fc.constantFrom('split', 'truncate'), at: fc.nat(), pos: fc.nat() }),
  fc.record({ op: fc.constant('insert'), at: fc.nat(), pos: fc.nat(), text: insertText }),
  fc.record({ op: fc.constant('glue-cells'), at: fc.nat() }),
  fc.record({ op: fc.constant('repeat'), times: fc.integer({ min: 2, max: 4 }) }),
);

/** The lines after one mutation (never fewer than one line). */
export function applyMutation(lines: readonly string[], m: Mutation): string[] {
  const out = [...lines];
  if (m.op === 'repeat') return Array.from({ length: m.times }, () => lines).flat();
  const i = m.at % out.length;
  const line = out[i] ?? '';
  switch (m.op) {
    case 'delete':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, line);
      break;
    case 'digits':
      out[i] = line.replace(/\d/g, (_, k: number) => String((m.seed + k * 7) % 10));
      break;
    case 'swap': {
      const j = m.to % out.length;
      out[i] = out[j] ?? '';
      out[j] = line;
      break;
    }
    case 'join':
      out.splice(i, 2, line + m.glue + (out[i + 1] ?? ''));
      break;
    case 'split': {
      const p = m.pos % (line.length + 1);
      out.splice(i, 1, line.slice(0, p), line.slice(p));
      break;
    }
    case 'truncate': {
      const p = m.pos % (line.length + 1);
      out.splice(i, out.length - i, line.slice(0, p));
      break;
    }
    case 'insert': {
      const p = m.pos % (line.length + 1);
      out[i] = line.slice(0, p) + m.text + line.slice(p);
      break;
    }
    case 'glue-cells':
      // Cells printed apart run together: the first gap of spaces, tabs or a bar goes.
      out[i] = line.replace(/\s*[|\t]\s*| {2,}|\s+/, '');
      break;
  }
  return out.length === 0 ? [''] : out;
}

/** `text` with `edits` applied in order. */
export const mutate = (text: string, edits: readonly Mutation[]): string =>
  edits.reduce<string[]>((lines, m) => applyMutation(lines, m), text.split('\n')).join('\n');
