import type { IssueLog } from './issues.js';
import type { StreamCell } from './cell-stream.js';

/** Text with no letter or digit (`……`, `|`, `-`) carries nothing to place. */
const NO_TEXT = /^[^\p{L}\p{N}]*$/u;

/** Cheap sure case of text: it begins with a CJK ideograph or an ASCII letter or digit (no regex needed). */
function startsWithText(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/**
 * Reports every cell no parser placed, one issue per run of consecutive lines, so that nothing
 * printed is dropped silently. `form` is null for text outside any form.
 */
export function reportUnplaced(cells: readonly StreamCell[], log: IssueLog, form: number | null): void {
  let run: StreamCell[] = [];
  const flush = (): void => {
    const first = run[0];
    if (first === undefined) return;
    const lines: string[] = [];
    let line = -1;
    for (const c of run) {
      if (c.line !== line) lines.push(c.text);
      else lines[lines.length - 1] += ` ${c.text}`;
      line = c.line;
    }
    const raw = lines.join('\n');
    const preview = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
    if (form === null)
      log.add(
        'text-outside-form',
        'info',
        `这段文字不在任何自评表内，未导入："${preview}"。如属表格内容，请检查表题和"项目名称"是否完整。`,
        first.line,
        raw,
      );
    else
      log.add(
        'unplaced-text',
        'warning',
        `无法确定这段文字属于哪个字段，未导入："${preview}"。请对照原表核对。`,
        first.line,
        raw,
        { form },
      );
    run = [];
  };
  let lastLine = -1;
  for (const cell of cells) {
    if (cell.used || (!startsWithText(cell.text) && NO_TEXT.test(cell.text))) continue;
    if (run.length > 0 && cell.line > lastLine + 1) flush();
    run.push(cell);
    lastLine = cell.line;
  }
  flush();
}
