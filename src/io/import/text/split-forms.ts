import type { TextLine } from './tokenize-lines.js';

/**
 * Where each form of a multi-form text begins. A form begins at its title (a line holding
 * `…自评表`) closest before its 项目名称 line; a file name such as `项目支出绩效自评表.docx` is not a
 * title. Forms without a 项目名称 line begin at the last title of a run of titles.
 */

/** Titles this many printed lines above 项目名称 still belong to it (title, year line, page chrome). */
const TITLE_WINDOW = 15;
const NAME_LABEL = /^(项目名称|专项名称)/;
const FILE_NAME = /\.(docx?|xlsx?|pdf|wps)\b/i;

/**
 * Titles that do not say 自评表 (`2022年度项目支出绩效自评情况表`, `项目支出绩效目标完成情况表`,
 * `项目绩效评价表`): a 绩效 table of results. Only a short cell on a line of at most two cells counts
 * (the title, and maybe its year), ending with the table's name or its year, without sentence
 * punctuation, so that prose naming such a table is no title.
 */
const OTHER_TITLE =
  /绩效[^，。,;；:：]{0,12}(?:自评|评价|完成情况|执行情况)[^，。,;；:：]{0,6}表\s*(?:[(（][^()（）]{0,12}[)）])?$/;
/** Sentence punctuation: a cell holding any is prose, not a title. */
const SENTENCE = /[，。；;,]/;
const MAX_OTHER_TITLE = 40;

/** True when `cell`, on a line of `cells` cells, is a form's title. */
export function isFormTitle(cell: string, cells: number): boolean {
  if (FILE_NAME.test(cell)) return false;
  if (cell.includes('自评表')) return true;
  if (cells > 2 || cell.length > MAX_OTHER_TITLE || !cell.includes('绩效')) return false;
  return OTHER_TITLE.test(cell) && !SENTENCE.test(cell);
}

/** True when the line prints a form title. */
export function isTitleLine(line: TextLine): boolean {
  return line.cells.some((c) => isFormTitle(c, line.cells.length));
}

function isNameLine(line: TextLine): boolean {
  return line.cells.some((c) => NAME_LABEL.test(c));
}

/** Indexes (into `lines`) where forms begin, ascending; empty when the text holds no form. */
export function findFormStarts(lines: readonly TextLine[]): number[] {
  // Each line is asked several times whether it is a title: answered once.
  const title = lines.map(isTitleLine);
  const starts: number[] = [];
  let floor = 0;
  lines.forEach((line, i) => {
    if (!isNameLine(line)) return;
    let start = i;
    // Blank cells (a lone `|` or NBSP line per empty cell of one-cell-per-line layouts) print
    // nothing: only lines with text count toward the window.
    let counted = 0;
    for (let k = i; k >= floor && counted <= TITLE_WINDOW; k--) {
      if (title[k] === true) {
        start = k;
        break;
      }
      if (lines[k]?.emptyCell !== true) counted += 1;
    }
    if (starts.length > 0 && start <= (starts[starts.length - 1] ?? -1)) return;
    starts.push(start);
    floor = i + 1;
  });
  // Titles far from any 项目名称 (区域绩效目标自评表 prints none) start forms of their own.
  const nearStart = new Uint8Array(lines.length);
  for (const s of starts) nearStart.fill(1, Math.max(0, s - TITLE_WINDOW), Math.min(lines.length, s + 4));
  title.forEach((isTitle, i) => {
    if (isTitle && title[i + 1] !== true && nearStart[i] === 0) starts.push(i);
  });
  return [...new Set(starts)].sort((a, b) => a - b);
}
