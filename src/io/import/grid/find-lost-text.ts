/**
 * The "nothing lost" check for table importers: which non-empty texts of a grid do not reappear in
 * the import result (form fields, extras, or an issue's raw), leaving out the template's own words
 * (labels, column headers, titles, 备注 notes). Used by tests of every importer that builds a Grid.
 */
import type { ImportResult } from '../import-result.js';
import { readableGrid, type Grid } from './grid.js';
import {
  cellText,
  fieldKeyOf,
  fundingColumnOf,
  fundingLineName,
  indicatorColumnOf,
  isAttachmentLabel,
  isFundingAnchor,
  isIndicatorAnchor,
  isNotesStart,
  isObjectiveAnchor,
  isObjectiveColumn,
  isYearLine,
  pointsOf,
  splitLabelled,
  titleOf,
} from './grid-labels.js';
import { LEVEL1_NAMES, LEVEL2_NAMES, PROJECT_CODE, normalizeLabel } from '../text/vocabulary.js';
import { parseNumber, parsePeriod, parseRate, parseYesNo } from './parse-cell-values.js';
import { sourceName } from './read-funding-sources.js';

const isTemplateWord = (text: string): boolean =>
  fieldKeyOf(text) !== undefined ||
  fundingColumnOf(text) !== undefined ||
  indicatorColumnOf(text) !== undefined ||
  isFundingAnchor(text) ||
  isIndicatorAnchor(text) ||
  isObjectiveAnchor(text) ||
  isObjectiveColumn(text) ||
  isAttachmentLabel(text) ||
  isYearLine(text) ||
  // Printed categories with no indicator under them produce none (form-model.md).
  LEVEL1_NAMES.has(normalizeLabel(text)) ||
  LEVEL2_NAMES.has(normalizeLabel(text)) ||
  /^(资金来源|来源|其中[：:]?)$/.test(text);

/** The forms of the result printed the way texts are compared: JSON, plus the parsed forms of values. */
function found(text: string, haystack: string): boolean {
  const candidates = [text, fundingLineName(text), sourceName(text)];
  // Money printed with its unit (`2.38万元`, 026) is kept as the number, the unit as funding.unit.
  const number = parseNumber(text.replace(/\s*(万元|万|元)$/, ''));
  const rate = parseRate(text);
  const period = parsePeriod(text);
  const yesNo = parseYesNo(text);
  if (number.ok && number.value !== null) candidates.push(String(number.value));
  if (rate.ok && rate.value !== null) candidates.push(String(rate.value));
  if (period.ok && period.value !== null) candidates.push(period.value.start);
  if (yesNo.ok && yesNo.value !== null) candidates.push(String(yesNo.value));
  return candidates.some((c) => c !== '' && haystack.includes(JSON.stringify(c).slice(1, -1)));
}

/**
 * The parts a reader keeps apart: a project code and the name after it, a label and its printed
 * points (`产出指标(40分)` → `产出指标`, `40分`), a title without its `(2023年度)`.
 */
function partsOf(text: string): string[] {
  const coded = PROJECT_CODE.exec(text);
  if (coded?.[1] !== undefined && coded[2] !== undefined) return [coded[1], coded[2]];
  const { base, points } = pointsOf(text);
  if (points !== null) return [...(isTemplateWord(base) ? [] : [base]), points];
  const title = titleOf(text);
  return title !== text ? [title] : [text];
}

/**
 * Texts of `grid` (cells and outside lines, each joined to one line) that the result does not
 * contain anywhere; empty when nothing was lost. Text after a 备注 line of a form is template notes.
 */
export function findLostText(printed: Grid, result: ImportResult): string[] {
  // What gridToForms reads: radicals restored (readableGrid).
  const grid = readableGrid(printed);
  const haystack = [
    ...result.forms.map((f) => JSON.stringify(f)),
    ...result.issues.map((i) => JSON.stringify(i.raw === null ? '' : cellText(i.raw))),
    ...result.issues.map((i) => JSON.stringify(i.raw ?? '')),
    // A label with its points is compared by its normalized base (pointsOf): `绩效指标（90分）` kept
    // verbatim in an issue is found as `绩效指标(`…
    ...result.issues.map((i) => JSON.stringify(normalizeLabel(cellText(i.raw ?? '')))),
  ].join('\n');
  const lost: string[] = [];
  let inNotes = false;
  for (const raw of [...grid.outside.map((l) => l.text), ...grid.rows.flat().map((c) => c.text)]) {
    const text = cellText(raw);
    // A cell without a letter or digit (`/`, `—`: printed "none") says a field is blank; as in the
    // text importer's check (lost-fragments.ts), it is no text to find.
    if (!/[\p{L}\p{N}]/u.test(text) || isTemplateWord(text)) continue;
    if (isNotesStart(text)) {
      inNotes = true;
      continue;
    }
    if (/^\d+[.、]/.test(text) && inNotes) continue;
    // A cell kept whole (a value with text glued on, `100%91 1分`) is found as it is.
    if (found(text, haystack)) continue;
    const { lead, pairs } = splitLabelled(raw);
    const pieces = lead === '' && pairs.length > 0 ? pairs.map((p) => p.value) : partsOf(text);
    for (const piece of pieces) if (piece !== '' && !found(piece, haystack)) lost.push(piece);
  }
  return lost;
}
