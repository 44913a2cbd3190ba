/**
 * Reading label/value cells (项目名称 | 社区矫正 | 项目起止时间 | …) and labelled lines outside the
 * table (`填表人： 赵 益 联系电话： …`, `填报单位：…`). Known labels fill the model's fields, other
 * labels go to `extras`, and 备注 starts the template's notes, which are left out up to where they
 * end (template-notes.ts).
 */
import { continuesNotes, opensTemplateNotes } from '../template-notes.js';
import type { GridCell } from './grid.js';
import {
  cellText,
  fieldKeyOf,
  inlineFields,
  isNotesStart,
  splitLabelled,
  unitLineOf,
  type LabelledValue,
} from './grid-labels.js';
import { setExtra, setField, type FormContext } from './form-draft.js';

function applyPair(ctx: FormContext, pair: LabelledValue, location: string): void {
  // `主管部门(盖章): 单位:万元` above the table: the unit, as on a line of its own.
  const unit = unitLineOf(`${pair.label}:${pair.value}`);
  if (unit !== null) {
    ctx.draft.unitHint = unit;
    return;
  }
  const key = fieldKeyOf(pair.label);
  if (key !== undefined) setField(ctx, key, pair.label, pair.value, location);
  else setExtra(ctx, cellText(pair.label), pair.value, location);
}

/**
 * Reads one row of label and value cells. A known label takes the next cell as its value; an
 * unknown text followed by a cell is an extra field; a lone unknown text is left unplaced (the
 * caller reports it).
 */
export function readLabelledRow(ctx: FormContext, cells: readonly GridCell[]): void {
  const texts = cells.map((c) => cellText(c.text));
  if (ctx.notes !== null) {
    const text = texts.join('');
    if (
      !texts.some((t) => fieldKeyOf(t) !== undefined || inlineFields(t) !== null) &&
      continuesNotes(text, ctx.notes)
    ) {
      for (const cell of cells) ctx.consumed.add(cell);
      ctx.notes = text;
      return;
    }
    ctx.notes = null;
  }
  let pending: { label: string; cell: GridCell } | null = null;
  const settle = (value: string, location: string): void => {
    if (pending === null) return;
    const key = fieldKeyOf(pending.label);
    if (key !== undefined) setField(ctx, key, pending.label, value, location);
    else setExtra(ctx, pending.label, value, location);
    ctx.consumed.add(pending.cell);
    pending = null;
  };
  for (const [i, cell] of cells.entries()) {
    const text = texts[i] ?? '';
    const notes = isNotesStart(text) ? texts.slice(i).join('') : '';
    if (notes !== '' && opensTemplateNotes(notes)) {
      settle('', cell.location);
      ctx.notes = notes;
      for (const rest of cells.slice(i)) ctx.consumed.add(rest);
      return;
    }
    const unit = unitLineOf(text);
    if (unit !== null) {
      ctx.draft.unitHint = unit;
      ctx.consumed.add(cell);
      continue;
    }
    if (fieldKeyOf(text) !== undefined) {
      settle('', cell.location);
      pending = { label: text, cell };
      continue;
    }
    const inline = inlineFields(cell.text);
    if (inline !== null) {
      settle('', cell.location);
      for (const pair of inline) applyPair(ctx, pair, cell.location);
      ctx.consumed.add(cell);
      continue;
    }
    if (pending !== null) {
      settle(text, cell.location);
      ctx.consumed.add(cell);
      continue;
    }
    if (text === '') {
      ctx.consumed.add(cell);
      continue;
    }
    pending = { label: text, cell };
  }
  // A known label with no value cell is a blank field; an unknown lone text stays unplaced.
  const last = pending as { label: string; cell: GridCell } | null;
  if (last !== null && fieldKeyOf(last.label) !== undefined) settle('', last.cell.location);
}

/**
 * Reads one line of text outside the table (or a lone title row). Returns false when the line
 * holds nothing this reader knows, so the caller can report it.
 */
export function readLabelledLine(ctx: FormContext, text: string, location: string): boolean {
  const line = cellText(text);
  if (line === '') return true;
  if (isNotesStart(line) && opensTemplateNotes(line)) {
    ctx.notes = line;
    return true;
  }
  const unit = unitLineOf(line);
  if (unit !== null) {
    ctx.draft.unitHint = unit;
    return true;
  }
  const { lead, pairs } = splitLabelled(text);
  const known = pairs.some((p) => fieldKeyOf(p.label) !== undefined);
  if (ctx.notes !== null && !known) {
    if (continuesNotes(line, ctx.notes)) {
      ctx.notes = line;
      return true;
    }
    ctx.notes = null;
  }
  if (pairs.length === 0 || lead !== '') return false;
  for (const pair of pairs) applyPair(ctx, pair, location);
  return true;
}
