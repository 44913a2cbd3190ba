/**
 * Laid-out text (laid-out-text.ts) with the parts that line-by-line reading mixes read by their
 * columns and printed again in place: each 绩效指标 table as pipe rows (laid-out-indicators.ts),
 * each 年度总体目标 block as its two texts under their labels (laid-out-objectives.ts), and labels
 * their cell wrapped joined again (laid-out-labels.ts). The text importer then reads the result.
 * Every rewrite keeps the line count (blank lines fill the difference), so issues still point at
 * the input's lines.
 */
import type { IssueLog } from './issues.js';
import { readLaidOutTable } from './laid-out-indicators.js';
import { joinWrappedLabels } from './laid-out-labels.js';
import { readLaidOutObjectives } from './laid-out-objectives.js';

const MESSAGES = {
  cell: '按版面排列的文本中，这一行的内容无法确定属于指标表的哪一列（或哪一行），未放入指标。请对照原表核对。',
  level:
    '按版面排列的文本中，无法确定这一指标属于哪个二级指标（分类格跨多行，文字居中），未导入该指标，原文见本条。请对照原表补录。',
  level1:
    '按版面排列的文本中，印出的一级指标与二级指标不对应（本条为印出的一级指标），一级指标已按二级指标所属的一级指标填写。请核对。',
} as const;

/** The text rewritten so; issues in `log` for the table pieces it could not place. */
export function readLaidOutText(text: string, log: IssueLog): string {
  const lines = text.split('\n');
  let from = 0;
  for (;;) {
    const table = readLaidOutTable(lines, from);
    if (table === null) break;
    for (const u of table.unplaced) log.add('text-laid-out-unplaced', 'warning', MESSAGES[u.why], u.line + 1, u.text);
    const fill = table.end - table.start - table.lines.length;
    lines.splice(table.start, table.end - table.start, ...table.lines, ...Array<string>(fill).fill(''));
    from = table.end;
  }
  for (let block = readLaidOutObjectives(lines, 0); block !== null; block = readLaidOutObjectives(lines, block.end)) {
    const fill = block.end - block.start - block.lines.length;
    lines.splice(block.start, block.end - block.start, ...block.lines, ...Array<string>(fill).fill(''));
  }
  joinWrappedLabels(lines, 0, lines.length);
  return lines.join('\n');
}
