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

/** True when the line prints a form title. */
export function isTitleLine(line: TextLine): boolean {
  return line.cells.some((c) => c.includes('自评表') && !FILE_NAME.test(c));
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
