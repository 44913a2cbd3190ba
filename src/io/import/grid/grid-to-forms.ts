/**
 * Turns a table with real structure (from .docx, .xlsx or PDF glyph positions) into canonical
 * forms. Fields are found by their printed labels and column headers, never by guessing from the
 * text, and every non-empty cell ends up in a field, in `extras`, or in an issue's `raw`.
 */
import type { Form } from '../../../domain/form/form.schema.js';
import type { ImportIssue, ImportResult } from '../import-result.js';
import { readableGrid, type Grid } from './grid.js';
import { capIssueRaw } from './grid-limits.js';
import { buildMatrix } from './grid-matrix.js';
import { cellText, isAttachmentLabel, isTitle, isYearLine, rowKindOf, titleOf, yearOf } from './grid-labels.js';
import { finishForm, newDraft, report, type FormContext } from './form-draft.js';
import { readFunding } from './read-funding.js';
import { readIndicators } from './read-indicators.js';
import { readLabelledLine, readLabelledRow } from './read-labelled.js';
import { readObjectives } from './read-objectives.js';
import { keepSectionPoints } from './section-points.js';
import { inferYear } from '../text/infer-year.js';
import { splitForms, type FormPart, type TextLine } from './split-forms.js';

/**
 * Reads every form of the grid, in order. Never throws: a grid with no 项目名称 gives no forms and
 * an error issue holding its text; a form missing its year, name or funding is left out with an
 * error issue holding what was read.
 */
export function gridToForms(printed: Grid): ImportResult {
  const grid = readableGrid(printed);
  const issues: ImportIssue[] = [];
  const forms: Form[] = [];
  const matrix = buildMatrix(grid);
  const parts = splitForms(grid);
  if (parts.length === 0) {
    const text = [...grid.outside.map((l) => l.text), ...grid.rows.flat().map((c) => cellText(c.text))].filter(
      (t) => t !== '',
    );
    issues.push({
      file: grid.file,
      code: 'grid-no-form',
      severity: 'error',
      message: '表格中没有找到“项目名称”，无法识别为项目支出绩效自评表。请确认文件是自评表，或改用文本导入。',
      location: grid.rows[0]?.[0]?.location ?? null,
      raw: text.length === 0 ? null : capIssueRaw(text.join('\n')),
    });
    return { forms, issues };
  }
  parts.forEach((part, formIndex) => {
    const ctx: FormContext = {
      grid,
      matrix,
      formIndex,
      issues,
      consumed: new Set(),
      draft: newDraft(),
      notes: null,
    };
    readLines(ctx, part.head, true);
    readBody(ctx, part.start, part.end);
    readLines(ctx, part.tail, false);
    reportUnplaced(ctx, part);
    if (part.named === false && ctx.draft.name === null && ctx.draft.title !== null) {
      ctx.draft.name = ctx.draft.title;
      report(ctx, 'grid-name-from-title', 'warning', '表中没有“项目名称”，暂用表题作为项目名称。请核对。', {
        location: grid.rows[part.start]?.[0]?.location ?? null,
        raw: ctx.draft.title,
        path: 'project.name',
      });
    }
    if (ctx.draft.year === null && ctx.draft.period === null) inferFormYear(ctx, part);
    const form = finishForm(ctx, grid.rows[part.start]?.[0]?.location ?? null);
    if (form !== null) forms.push(form);
  });
  return { forms, issues };
}

function readBody(ctx: FormContext, start: number, end: number): void {
  let r = start;
  while (r < end) {
    const cells = ctx.grid.rows[r] ?? [];
    const from = r;
    switch (rowKindOf(cells.map((c) => c.text))) {
      case 'funding':
        r = readFunding(ctx, r, end);
        break;
      case 'objectives':
        r = readObjectives(ctx, r, end);
        break;
      case 'indicators':
        r = readIndicators(ctx, r, end);
        break;
      default:
        readLabelledRow(ctx, cells);
        r += 1;
        continue;
    }
    keepSectionPoints(ctx, from);
  }
}

/** Title, year and labelled lines above (`head`) or below the table; the rest is reported. */
function readLines(ctx: FormContext, lines: readonly TextLine[], head: boolean): void {
  const d = ctx.draft;
  for (const line of lines) {
    if (line.otherTable === true) {
      report(ctx, 'grid-other-table', 'info', '这是自评表以外的表格（如决算报表），未导入，原文见本条。', {
        location: line.location,
        raw: line.text,
      });
      continue;
    }
    const text = cellText(line.text);
    let placed = true;
    if (text === '' || (head && isAttachmentLabel(text))) placed = true;
    else if (head && d.title === null && isTitle(text)) {
      d.title = titleOf(text);
      d.year ??= yearOf(text);
    } else if (head && d.year === null && isYearLine(text)) d.year = yearOf(text);
    else placed = readLabelledLine(ctx, line.text, line.location);
    if (placed && line.cell !== null) ctx.consumed.add(line.cell);
    if (!placed && line.cell === null) {
      report(
        ctx,
        'grid-unplaced-text',
        'warning',
        '表格外的这行文字没有对应到任何字段，原文见本条。请核对是否需要补录。',
        {
          location: line.location,
          raw: line.text,
        },
      );
    }
  }
}

/** Every cell of the form's rows that no reader placed becomes a warning with its text. */
function reportUnplaced(ctx: FormContext, part: FormPart): void {
  const cells = [
    ...part.head.flatMap((l) => (l.cell === null ? [] : [l.cell])),
    ...ctx.grid.rows.slice(part.start, part.end).flat(),
  ];
  for (const cell of cells) {
    if (ctx.consumed.has(cell) || cellText(cell.text) === '') continue;
    report(
      ctx,
      'grid-unplaced-cell',
      'warning',
      '这个单元格的内容没有对应到表中的任何字段，原文见本条。请核对是否需要补录。',
      {
        location: cell.location,
        raw: cell.text,
      },
    );
  }
}

/**
 * A form printing no year in its title or head (018) gets the year the text importer would infer
 * from its text (a `2021年度`, dates, the year before 填报日期), with a warning saying on what.
 */
function inferFormYear(ctx: FormContext, part: FormPart): void {
  const texts = [
    ...part.head.map((l) => l.text),
    ...ctx.grid.rows.slice(part.start, part.end).flatMap((row) => row.map((c) => cellText(c.text))),
    ...part.tail.map((l) => l.text),
  ];
  const inferred = inferYear(
    texts.map((text) => ({ text })),
    null,
    ctx.draft.extras['填报日期'] ?? null,
  );
  if (inferred === null) return;
  ctx.draft.year = inferred.year;
  report(
    ctx,
    'grid-year-inferred',
    'warning',
    `表题和表头没有印年度，已按${inferred.basis}推断为 ${inferred.year} 年。请核对。`,
    { location: ctx.grid.rows[part.start]?.[0]?.location ?? null, raw: inferred.raw, path: 'year' },
  );
}
