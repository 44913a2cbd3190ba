import type { Form } from '../lib/core';
import { diffForms as diffPaths } from '../../../src/domain/history/index.js';

/** One difference between two versions of a form, with a Chinese label for people. */
export interface Difference {
  /** Path into the form, `indicators[3].actual`. */
  readonly path: string;
  readonly label: string;
  readonly before: unknown;
  readonly after: unknown;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON values (forms hold only JSON). */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
  }
  return false;
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/** Every leaf that differs between `before` and `after`, in document order (the core's diff, labelled). */
export function diffForms(before: Form, after: Form): Difference[] {
  return diffPaths(before, after).map((c) => ({ ...c, label: labelPath(c.path, after) }));
}

/** The result of merging my edits over a version someone else saved meanwhile. */
export interface Merge {
  readonly form: Form;
  /** Fields both sides changed differently; the merged form keeps mine for these. */
  readonly conflicts: readonly Difference[];
}

/**
 * Three-way merge: `base` is the version my edits started from, `mine` my edits, `theirs` what the
 * server holds now. Fields only one side changed take that side's value; fields both changed keep
 * mine and are listed as conflicts, so that nothing I typed is lost silently. Arrays of different
 * lengths (rows added or removed) merge as a whole.
 */
export function mergeForms(base: Form, mine: Form, theirs: Form): Merge {
  const conflicts: Difference[] = [];
  const merge = (b: Json, m: Json, t: Json, path: string): Json => {
    if (sameJson(m, t)) return m;
    if (sameJson(m, b)) return t;
    if (sameJson(t, b)) return m;
    if (isObject(b) && isObject(m) && isObject(t)) {
      const out: Record<string, Json> = {};
      for (const k of new Set([...Object.keys(m), ...Object.keys(t)])) {
        const v = merge(b[k], m[k], t[k], join(path, k));
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    if (Array.isArray(b) && Array.isArray(m) && Array.isArray(t) && b.length === m.length && m.length === t.length)
      return m.map((x, i) => merge(b[i], x, t[i], join(path, i)));
    conflicts.push({ path, label: labelPath(path, mine), before: t, after: m });
    return m;
  };
  return { form: merge(base, mine, theirs, '') as Form, conflicts };
}

const fieldLabels: Record<string, string> = {
  year: '年度',
  title: '标题',
  remarks: '说明',
  'project.name': '项目名称',
  'project.period': '项目起止时间',
  'project.period.start': '项目开始日期',
  'project.period.end': '项目结束日期',
  'project.department': '主管部门',
  'project.implementer': '实施单位',
  'project.isKeyProject': '是否重点绩效项目',
  'project.attribute': '项目属性',
  'funding.unit': '资金单位',
  'objectives.planned': '年初设定目标',
  'objectives.actual': '全年实际完成情况',
  'preparer.name': '填表人',
  'preparer.phone': '联系电话',
};

const indicatorFields: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  actual: '全年完成值',
  note: '未完成原因和改进措施',
  weight: '分值',
  score: '得分',
};

const fundingFields: Record<string, string> = {
  name: '名称',
  initialBudget: '年初预算数',
  budget: '全年预算数',
  executed: '全年执行数',
  rate: '执行率',
  weight: '分值',
  score: '得分',
};

/** `indicators[3].actual` → `第4项指标「教育改造…」· 全年完成值`. */
export function labelPath(path: string, form: Form | null): string {
  const ind = /^indicators\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (ind) {
    const i = Number(ind[1]);
    const name = form?.indicators[i]?.name;
    return `第${i + 1}项指标${name ? `「${name}」` : ''}${ind[2] ? ` · ${indicatorFields[ind[2]] ?? ind[2]}` : ''}`;
  }
  const fund = /^funding\.lines\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (fund) {
    const i = Number(fund[1]);
    const name = form?.funding.lines[i]?.name;
    return `资金第${i + 1}行${name ? `「${name}」` : ''}${fund[2] ? ` · ${fundingFields[fund[2]] ?? fund[2]}` : ''}`;
  }
  return fieldLabels[path] ?? path;
}

/** A value as people read it in a difference list. */
export function showValue(v: unknown): string {
  if (v === undefined) return '（无）';
  if (v === null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
