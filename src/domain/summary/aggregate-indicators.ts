import { indicatorKey } from '../checks/indicator-key.js';
import type { Form, MoneyUnit } from '../form/form.schema.js';
import { fromFen } from '../money.js';
import { actualQuantity, comparable } from '../scoring/completion-ratio.js';
import type { FormScore, IndicatorScore } from '../scoring/score.js';
import type { Quantity } from '../values/value.js';
import type { IndicatorAggregate } from './summary.js';

interface Entry {
  readonly project: string;
  /** The project's funds in integer fen: exact weights keep a mean of equal values equal. */
  readonly fen: number;
  readonly s: IndicatorScore;
}

/**
 * Indicators that recur across a department's projects (same 三级指标 after normalisation), added
 * up as the forms' note 4 says: absolute values summed, relative values (percent, permille) and
 * qualitative completion percents weighted by funds. Unlike values are reported, never forced.
 * `weightsFen[i]` is project i's funds (budget or executed, per profile) in fen; sources report
 * them in `unit`.
 */
export function aggregateIndicators(
  forms: readonly Form[],
  scores: readonly FormScore[],
  weightsFen: readonly number[],
  unit: MoneyUnit,
): IndicatorAggregate[] {
  const groups = new Map<string, Entry[]>();
  scores.forEach((score, i) => {
    for (const s of score.indicators) {
      if (s.status !== 'scored') continue;
      const key = indicatorKey(s.name);
      const list = groups.get(key) ?? [];
      list.push({ project: forms[i]?.project.name ?? score.project, fen: weightsFen[i] ?? 0, s });
      groups.set(key, list);
    }
  });
  const out: IndicatorAggregate[] = [];
  for (const entries of groups.values()) {
    if (new Set(entries.map((e) => e.project)).size < 2) continue;
    out.push(aggregate(entries, unit));
  }
  return out;
}

function aggregate(entries: Entry[], moneyUnit: MoneyUnit): IndicatorAggregate {
  const first = entries[0] as Entry;
  const base = { name: first.s.name, projects: entries.length };
  const totalFen = entries.reduce((s, e) => s + e.fen, 0);
  // Fund-weighted mean; with no funds recorded every project counts the same.
  const mean = (value: (e: Entry, i: number) => number) =>
    totalFen > 0
      ? entries.reduce((s, e, i) => s + e.fen * value(e, i), 0) / totalFen
      : entries.reduce((s, e, i) => s + value(e, i), 0) / entries.length;
  const amount = (e: Entry) => fromFen(e.fen, moneyUnit);

  if (entries.every((e) => e.s.target.kind === 'qualitative' && e.s.qualitativePercent !== null)) {
    const actual = mean((e) => e.s.qualitativePercent ?? 0);
    return {
      ...base,
      kind: 'qualitative',
      unit: '%',
      target: null,
      actual,
      ratio: Math.min(1, actual / 100),
      reason: null,
      sources: entries.map((e) => ({
        project: e.project,
        target: null,
        actual: e.s.qualitativePercent,
        weight: amount(e),
      })),
    };
  }

  const pairs = entries.map((e) => numbers(e.s));
  const units = pairs.map((p) => p?.target);
  const cannot = (reason: string): IndicatorAggregate => ({
    ...base,
    kind: 'cannot-aggregate',
    unit: null,
    target: null,
    actual: null,
    ratio: null,
    reason,
    sources: entries.map((e, i) => ({
      project: e.project,
      target: pairs[i]?.target.number ?? null,
      actual: pairs[i]?.actual.number ?? null,
      weight: amount(e),
    })),
  });
  if (pairs.some((p) => p === null)) return cannot('有项目的目标或完成值不是数值，无法汇总');
  const ts = units as Quantity[];
  const t0 = ts[0] as Quantity;
  if (!ts.every((t) => comparable(t0, t) !== null && sameKind(t0, t))) return cannot('各项目单位不同类，无法汇总');
  const reverse = entries.every((e) => e.s.rule === 'reverse' || e.s.rule === 'zero');
  const ratioOf = (t: number, a: number) =>
    reverse ? (a <= t ? 1 : t > 0 ? Math.max(0, 2 - a / t) : 0) : t > 0 ? Math.min(1, Math.max(0, a) / t) : 1;
  const sameUnit = ts.every((t) => t.unit === t0.unit);
  const scaleOf = (q: Quantity) => (sameUnit ? 1 : q.scale);
  const sources = entries.map((e, i) => {
    const p = pairs[i] as { target: Quantity; actual: Quantity };
    return {
      project: e.project,
      target: p.target.number * scaleOf(p.target),
      actual: p.actual.number * scaleOf(p.actual),
      weight: amount(e),
    };
  });
  const unit = sameUnit ? t0.unit : baseUnit(t0);
  if (t0.family === 'percent' || t0.family === 'permille') {
    const target = mean((_, i) => sources[i]?.target ?? 0);
    const actual = mean((_, i) => sources[i]?.actual ?? 0);
    return { ...base, kind: 'relative', unit, target, actual, ratio: ratioOf(target, actual), sources, reason: null };
  }
  const target = sources.reduce((s, x) => s + x.target, 0);
  const actual = sources.reduce((s, x) => s + x.actual, 0);
  return { ...base, kind: 'absolute', unit, target, actual, ratio: ratioOf(target, actual), sources, reason: null };
}

/** Target and actual quantities of a numeric indicator, the actual in the target's unit. */
function numbers(s: IndicatorScore): { target: Quantity; actual: Quantity } | null {
  if (s.target.kind !== 'number' || s.rule === 'share') return null;
  const actual = actualQuantity(s.target.quantity, s.actual);
  if (actual === null) return null;
  // A bare actual (`147` against `≥50人`) is in the target's unit.
  const a =
    actual.family === 'none' && actual.scale === 1
      ? { ...s.target.quantity, number: actual.number, approx: actual.approx }
      : actual;
  return { target: s.target.quantity, actual: a };
}

/** Percent and counts do not add even when a bare number would "compare". */
function sameKind(a: Quantity, b: Quantity): boolean {
  const rel = (q: Quantity) => q.family === 'percent' || q.family === 'permille';
  return rel(a) === rel(b);
}

function baseUnit(q: Quantity): string | null {
  const names: Partial<Record<Quantity['family'], string>> = {
    money: '元',
    duration: '天',
    length: '米',
    area: '平方米',
    weight: '公斤',
  };
  return names[q.family] ?? q.unit;
}
