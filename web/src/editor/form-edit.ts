import type { Form, FundingLine, Indicator } from '../lib/core';

/**
 * Every edit the form editor makes, as a pure reducer over the canonical Form: each action returns a
 * new Form that shares every untouched part with the old one, so that rows whose indicator did not
 * change keep their identity and skip re-rendering.
 */
export type FormEdit =
  | { type: 'replace'; form: Form }
  | { type: 'project'; patch: Partial<Form['project']> }
  | { type: 'top'; patch: Partial<Pick<Form, 'title' | 'year' | 'remarks'>> }
  | { type: 'preparer'; patch: Partial<Form['preparer']> }
  | { type: 'objectives'; patch: Partial<Form['objectives']> }
  | { type: 'funding-unit'; unit: Form['funding']['unit'] }
  | { type: 'funding-line'; index: number; patch: Partial<FundingLine> }
  | { type: 'indicator'; index: number; patch: Partial<Indicator> }
  | { type: 'insert-indicators'; at: number; indicators: readonly Indicator[] }
  | { type: 'remove-indicator'; index: number }
  | { type: 'move-indicator'; index: number; by: -1 | 1 }
  | { type: 'rename-group'; from: number; to: number; level: 'level1' | 'level2'; name: string };

export function editForm(form: Form, edit: FormEdit): Form {
  switch (edit.type) {
    case 'replace':
      return edit.form;
    case 'project':
      return { ...form, project: { ...form.project, ...edit.patch } };
    case 'top':
      return { ...form, ...edit.patch };
    case 'preparer':
      return { ...form, preparer: { ...form.preparer, ...edit.patch } };
    case 'objectives':
      return { ...form, objectives: { ...form.objectives, ...edit.patch } };
    case 'funding-unit':
      return { ...form, funding: { ...form.funding, unit: edit.unit } };
    case 'funding-line':
      return {
        ...form,
        funding: {
          ...form.funding,
          lines: replaceAt(form.funding.lines, edit.index, (l) => ({ ...l, ...edit.patch })),
        },
      };
    case 'indicator':
      return { ...form, indicators: replaceAt(form.indicators, edit.index, (ind) => ({ ...ind, ...edit.patch })) };
    case 'insert-indicators': {
      const list = [...form.indicators];
      list.splice(Math.max(0, Math.min(edit.at, list.length)), 0, ...edit.indicators);
      return { ...form, indicators: list };
    }
    case 'remove-indicator':
      return { ...form, indicators: form.indicators.filter((_, i) => i !== edit.index) };
    case 'move-indicator': {
      const j = edit.index + edit.by;
      if (j < 0 || j >= form.indicators.length) return form;
      const list = [...form.indicators];
      const a = list[edit.index] as Indicator;
      const b = list[j] as Indicator;
      // Moving across a group boundary takes the neighbour's group, as dragging a row on paper would.
      list[edit.index] = b;
      list[j] = a.level1 === b.level1 && a.level2 === b.level2 ? a : { ...a, level1: b.level1, level2: b.level2 };
      return { ...form, indicators: list };
    }
    case 'rename-group':
      return {
        ...form,
        indicators: form.indicators.map((ind, i) =>
          i >= edit.from && i < edit.to ? { ...ind, [edit.level]: edit.name } : ind,
        ),
      };
  }
}

function replaceAt<T>(list: readonly T[], index: number, f: (t: T) => T): T[] {
  return list.map((t, i) => (i === index ? f(t) : t));
}

/** A run of consecutive indicators with the same 一级 (and 二级) name: one merged cell on paper. */
export interface GroupRun {
  readonly name: string;
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

/** The merged cells of the indicator table: runs of 一级 and, inside them, runs of 二级. */
export function groupRuns(indicators: readonly Indicator[]): { level1: GroupRun[]; level2: GroupRun[] } {
  const level1: GroupRun[] = [];
  const level2: GroupRun[] = [];
  indicators.forEach((ind, i) => {
    const l1 = level1.at(-1);
    if (l1 && l1.name === ind.level1 && l1.to === i) level1[level1.length - 1] = { ...l1, to: i + 1 };
    else level1.push({ name: ind.level1, from: i, to: i + 1 });
    const l2 = level2.at(-1);
    const sameL1 = l1 !== undefined && l1.name === ind.level1 && l1.to === i;
    if (l2 && sameL1 && l2.name === ind.level2 && l2.to === i) level2[level2.length - 1] = { ...l2, to: i + 1 };
    else level2.push({ name: ind.level2, from: i, to: i + 1 });
  });
  return { level1, level2 };
}

/** A blank indicator in the given group. */
export function blankIndicator(level1: string, level2: string): Indicator {
  return { level1, level2, name: '新指标', target: null, actual: null, note: null };
}

/** '' → null: the model stores blank cells as null. */
export function nullIfBlank(s: string): string | null {
  return s.trim() === '' ? null : s;
}
