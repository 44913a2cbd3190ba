/**
 * A 决算公开 document prints other tables around the 自评表 (收入支出决算总表, 财政拨款支出表,
 * 政府采购情况 …). Read as rows of the form before or after them, their cells would become extras
 * (`"204": "公共安全支出"`) or unplaced cells one by one; a table in which no cell is a word of the
 * self-evaluation template is read as lines of text instead, and reported once with all its rows.
 */
import {
  fieldKeyOf,
  fundingColumnOf,
  indicatorColumnOf,
  inlineFields,
  isExtraLabel,
  isFundingAnchor,
  isIndicatorAnchor,
  isLevelHeader,
  isNotesStart,
  isObjectiveAnchor,
  isObjectiveColumn,
  isTitle,
  pointsOf,
} from '../grid/grid-labels.js';
import { LEVEL1_NAMES, LEVEL2_NAMES, normalizeLabel } from '../text/vocabulary.js';

/** A label, column header or category name of the self-evaluation template. */
function templateWord(text: string): boolean {
  const label = normalizeLabel(text);
  const base = pointsOf(label).base;
  return (
    fieldKeyOf(text) !== undefined ||
    inlineFields(text) !== null ||
    isExtraLabel(text) ||
    fundingColumnOf(text) !== undefined ||
    indicatorColumnOf(text) !== undefined ||
    isFundingAnchor(text) ||
    isIndicatorAnchor(text) ||
    isLevelHeader(text) ||
    isObjectiveAnchor(text) ||
    isObjectiveColumn(text) ||
    isNotesStart(text) ||
    isTitle(text) ||
    LEVEL1_NAMES.has(base) ||
    LEVEL2_NAMES.has(base)
  );
}

/**
 * Whether a table (all its parts, the texts of its cells) has nothing of a self-evaluation form:
 * no cell is a template word. 合计 alone does not make a form (money tables print it too).
 */
export function isUnrelatedTable(texts: readonly string[]): boolean {
  return !texts.some((t) => normalizeLabel(t) !== '合计' && templateWord(t));
}
