/**
 * Reading the 年度总体目标 block: the anchor, the 年初设定目标 / 全年实际完成情况 headers and the
 * text under each, by column. A block printed without the two headers gives `planned` only.
 */
import { colRange } from './grid-matrix.js';
import { isObjectiveAnchor, isObjectiveColumn, rowKindOf } from './grid-labels.js';
import { take, type FormContext } from './form-draft.js';

interface Column {
  readonly c0: number;
  readonly c1: number;
}

const joinParts = (parts: readonly string[]): string | null => {
  const kept = parts.filter((p) => p !== '');
  return kept.length === 0 ? null : kept.join('');
};

/** Reads the block that starts at row `from`; returns the first row after it. */
export function readObjectives(ctx: FormContext, from: number, end: number): number {
  const { grid, matrix } = ctx;
  let headerRow = -1;
  const columns: Column[] = [];
  for (let r = from; r < Math.min(end, from + 2) && headerRow < 0; r += 1) {
    const cells = grid.rows[r] ?? [];
    // 年度目标完成情况 is an anchor in some templates (026) and a column in others (101): beside two
    // other column headers it is the anchor.
    const others = cells.filter((c) => isObjectiveColumn(c.text) && !isObjectiveAnchor(c.text)).length;
    for (const cell of cells) {
      if (isObjectiveAnchor(cell.text) && (!isObjectiveColumn(cell.text) || others >= 2)) take(ctx, cell);
      else if (isObjectiveColumn(cell.text)) {
        take(ctx, cell);
        const [c0, c1] = colRange(cell);
        columns.push({ c0, c1 });
        headerRow = r;
      }
    }
  }
  const planned: string[] = [];
  const actual: string[] = [];
  // One label with the text beside it (018: `项目年度目标 | 1.完成…`): that text is the planned target.
  const beside =
    columns.length === 1 ? (grid.rows[headerRow] ?? []).filter((c) => !ctx.consumed.has(c) && c.col > 0) : [];
  if (beside.length > 0) {
    ctx.draft.planned = joinParts(beside.map((cell) => take(ctx, cell)));
    return headerRow + 1;
  }
  let r = headerRow < 0 ? from : headerRow + 1;
  for (; r < end; r += 1) {
    const cells = grid.rows[r] ?? [];
    if (r !== from && rowKindOf(cells.map((c) => c.text)) !== 'other') break;
    if (columns.length === 0) {
      for (const cell of cells) if (!isObjectiveAnchor(cell.text)) planned.push(take(ctx, cell));
      continue;
    }
    columns.forEach((column, i) => {
      const text = take(ctx, matrix.best(r, column.c0, column.c1, true));
      (i === 0 ? planned : actual).push(text);
    });
  }
  if (planned.length > 0 || actual.length > 0) {
    ctx.draft.planned = joinParts(planned);
    ctx.draft.actual = joinParts(actual);
  }
  return r;
}
