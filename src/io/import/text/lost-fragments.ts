import type { ImportResult } from '../import-result.js';
import { cutAtNotes, findBoilerplate } from './boilerplate.js';
import { tokenizeLines } from './tokenize-lines.js';
import * as vocabulary from './vocabulary.js';
import { restoreIdeographs } from '../look-alike-ideographs.js';

/**
 * The "nothing lost" property: every meaningful fragment of the input ends up somewhere in the
 * output — a field, an extras value or key, or an issue's raw text. Fragments are the input's cells;
 * boilerplate (备注 notes, page markers) and printed labels/column headers (and pieces of them) are
 * left out. Shared by nothing-lost.test.ts (the fixtures) and shape-recovery.test.ts (the seed
 * re-served in every host shape). Test support, not import code.
 */

const LABELS: string[] = [
  ...vocabulary.FIELD_LABELS.keys(),
  ...vocabulary.EXTRA_LABELS,
  ...vocabulary.FUNDING_ANCHORS,
  // With its unit, as the importer matches it: `项目资金（万` / `元）` wrapped are pieces of one label.
  ...[...vocabulary.FUNDING_ANCHORS].flatMap((a) => [`${a}(万元)`, `${a}(元)`]),
  ...vocabulary.OBJECTIVE_ANCHORS,
  ...vocabulary.OBJECTIVE_COLUMNS,
  ...vocabulary.INDICATOR_ANCHORS,
  ...vocabulary.FUNDING_COLUMNS.keys(),
  ...vocabulary.FUND_ROW_NAMES,
  ...vocabulary.INDICATOR_COLUMNS.keys(),
  ...vocabulary.INDICATOR_LEVEL_HEADERS,
  ...vocabulary.LEVEL1_NAMES,
  ...vocabulary.LEVEL2_NAMES,
].map(vocabulary.normalizeLabel);

function isLabelPiece(fragment: string): boolean {
  const f = vocabulary
    .splitPoints(vocabulary.normalizeLabel(fragment))
    .base.replace(/\((万元|元|万兀)\)$/, '')
    .replace(/\([A-Z/]{1,3}\)$/, '');
  // A numbered anchor (`年度绩效目标1`) is the label of the table printed for objective 1.
  const unnumbered = f.replace(/(?<=\D{4})\d{1,2}$/, '');
  return f === '' || LABELS.some((l) => l.includes(f) || l === unnumbered);
}

const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');

function haystackOf(result: ImportResult): { text: string; numbers: Set<number> } {
  const strings: string[] = [];
  const numbers = new Set<number>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (typeof v === 'number') {
      numbers.add(v);
      strings.push(String(v));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        strings.push(k);
        walk(x);
      }
  };
  walk(result.forms);
  for (const issue of result.issues) if (issue.raw !== null) strings.push(issue.raw);
  return { text: squash(strings.join('\u0001')), numbers };
}

/** Fragments of the input that must be found in the output, each with the cell it was squashed from. */
function fragmentsOf(text: string): { cell: string; fragment: string }[] {
  const lines = cutAtNotes(tokenizeLines(text));
  const boiler = findBoilerplate(lines);
  return (
    lines
      .filter((_, i) => !boiler.has(i))
      .flatMap((l) => l.cells)
      .map((cell) => ({ cell, fragment: squash(cell) }))
      // 是/否 and the 指标性质 words 定性/定量 are template vocabulary, read into fields, not stored.
      .filter(({ fragment: f }) => /[\p{L}\p{N}]/u.test(f) && !isLabelPiece(f) && !/^(?:[是否]|定性|定量)$/.test(f))
  );
}

function isFound(fragment: string, hay: { text: string; numbers: Set<number> }): boolean {
  if (hay.text.includes(fragment)) return true;
  // `label:value` and `code-name` are stored as two pieces (extras key and value, 项目编码 and name).
  const pair = /^([^:：-]{1,30})[:：-](.+)$/.exec(fragment);
  if (
    pair?.[1] !== undefined &&
    pair[2] !== undefined &&
    [pair[1], pair[2]].every((p) => isLabelPiece(p) || isFound(p, hay))
  )
    return true;
  if (/^年度?[)）]$/.test(fragment)) return true; // the tail of a year line cut at its spaces
  const year = /^[(（]?(\d{4})(?:年度?)?[)）]?$/.exec(fragment);
  if (year?.[1] !== undefined && hay.numbers.has(Number(year[1]))) return true;
  // The end of a year cut by a space (`20 20年度`), which the importer reads whole (2020).
  const yearEnd = /^(\d{1,3})年度?[)）]?$/.exec(fragment)?.[1];
  if (yearEnd !== undefined && [...hay.numbers].some((n) => n >= 1990 && n <= 2100 && String(n).endsWith(yearEnd)))
    return true;
  // Points whose bracket was cut onto the line before (`(` / `10分)`) are read joined, as `10分`.
  const points = /^[(（]?(\d+(?:\.\d+)?)分[)）]$/.exec(fragment);
  if (points?.[1] !== undefined && hay.text.includes(`${points[1]}分`)) return true;
  const bare = fragment
    .replace(/^其中[:：]?/, '')
    .replace(/[:：]$/, '')
    .replace(/[(（]\s*\d{4}\s*年度?[)）]/, '');
  if (bare === '' || hay.text.includes(bare)) return true;
  const n = Number(bare.replace(/[,，]/g, '').replace(/(万元|元|万|分|[%％])$/, ''));
  if (Number.isFinite(n) && hay.numbers.has(n)) return true;
  // Periods are stored as ISO dates: 2020.1.1-2020.12.31 → 2020-01-01.
  const period = /^(\d{4})\.(\d{1,2})\.(\d{1,2})-/.exec(bare);
  return (
    period !== null &&
    hay.text.includes(`${period[1]}-${(period[2] ?? '').padStart(2, '0')}-${(period[3] ?? '').padStart(2, '0')}`)
  );
}

/** The fragments of `text` that `result` lost: found in no field, extras or issue. */
export function lostFragments(text: string, result: ImportResult): string[] {
  const hay = haystackOf(result);
  // What importText reads: look-alike radicals restored (项⽬ → 项目).
  return fragmentsOf(restoreIdeographs(text))
    .filter(({ cell, fragment }) => !isFound(fragment, hay) && !wordsFound(cell, hay))
    .map(({ fragment }) => fragment);
}

/**
 * A cell of a tab-separated line keeps the spaces inside it; in laid-out text those spaces part
 * the table's columns (`产出指     教育改造…   ≧50 人`), which the laid-out reader reads apart. Such a
 * cell is found when each of its words is a label (or a piece of one) or is found.
 */
function wordsFound(cell: string, hay: { text: string; numbers: Set<number> }): boolean {
  const words = cell.split(/[\s\u00a0\u3000]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length > 1 && words.every((w) => isLabelPiece(w) || isFound(w, hay));
}
