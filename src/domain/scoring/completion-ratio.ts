import type { Profile } from '../profiles/profile.schema.js';
import { formatQuantity } from '../values/format-value.js';
import type { ParsedValue, Quantity } from '../values/value.js';
import type { RatioFlag, RuleName } from './score.js';

/** How one indicator's completion ratio r was found (scoring.md §2). */
export interface RatioResult {
  readonly rule: RuleName;
  /** r in [0, 1]; null when excluded or waiting for a rating. */
  readonly ratio: number | null;
  readonly flags: readonly RatioFlag[];
  readonly achieved: number | null;
  readonly qualitativePercent: number | null;
  readonly explanation: string;
}

export interface RatioContext {
  /** The printed 二级指标, which decides whether a bare duration or amount is a ceiling. */
  readonly level2: string;
  readonly profile: Profile;
}

// Words that say the target was reached, without a figure (scoring.md §2, qualitative rows).
const achievedWords =
  /^(?:已?全部?达成(?:预期)?(?:指标|目标)?|达成预期(?:指标|目标)?|已?完成|全部完成|已达到|达到预期(?:指标|目标)?|达标|已达标|实现)$/u;
const tierWords: readonly (readonly [RegExp, number])[] = [
  [/^基本达成/u, 0],
  [/^部分达成/u, 1],
  [/^未达成|^未完成/u, 2],
];

export function completionRatio(target: ParsedValue, actual: ParsedValue, ctx: RatioContext): RatioResult {
  const flags: RatioFlag[] = [];
  if (target.kind === 'not-applicable' || target.kind === 'blank') {
    return result('not-applicable', null, flags, '目标值为空或不适用，该指标不计分');
  }
  if (target.kind === 'unparsed') flags.push('unparsed-target');
  if (actual.kind === 'unparsed') flags.push('unparsed-actual');
  if (actual.kind === 'blank' || actual.kind === 'not-applicable') {
    flags.push('missing-actual');
    return needsRating(flags, '未填写全年完成值，需要评分');
  }
  if (actual.leniencies.includes('ampersand-percent')) flags.push('value-typo');
  if (actual.kind === 'number' && actual.comparator !== null) flags.push('actual-as-bound');

  switch (target.kind) {
    case 'number':
      return numberRatio(target, actual, ctx, flags);
    case 'text-numbers': {
      const only = target.quantities.length === 1 ? target.quantities[0] : undefined;
      if (!only) return needsRating(flags, '目标值含多个数字，无法确定比较对象，需要评分');
      return numberRatio(
        { kind: 'number', comparator: null, quantity: only, raw: target.raw, leniencies: [] },
        actual,
        ctx,
        flags,
      );
    }
    case 'frequency':
      return frequencyRatio(target, actual, flags);
    case 'qualitative':
      return qualitativeRatio(target, actual, ctx, flags);
    case 'date':
      return dateRatio(target, actual, flags);
    case 'compound':
      return compoundRatio(target, actual, ctx, flags);
    case 'unparsed':
      return needsRating(flags, '目标值无法识别，需要评分');
  }
}

type NumberValue = Extract<ParsedValue, { kind: 'number' }>;

function numberRatio(target: NumberValue, actual: ParsedValue, ctx: RatioContext, flags: RatioFlag[]): RatioResult {
  const t = target.quantity;
  const a = actualQuantity(t, actual);
  if (a === null) {
    if (actual.kind === 'unparsed') return needsRating(flags, '完成值无法识别，需要评分');
    return needsRating(flags, '完成值中没有可与目标比较的数字，需要评分');
  }
  const isPercent = (q: Quantity) => q.family === 'percent';
  if (!isPercent(t) && t.family !== 'none' && t.family !== 'permille' && isPercent(a)) {
    // `1个工作日内` → `100%`: the percent is the share of cases that met the target.
    flags.push('share-for-non-percent');
    const r = clamp01(a.number / 100);
    return result('share', r, flags, `完成值为达标比例 ${formatQuantity(a)}：r = min(1, ${a.number}/100) = ${fmt(r)}`);
  }
  const pair = comparable(t, a);
  if (pair === null) {
    flags.push('unit-mismatch');
    return needsRating(flags, `单位不可比：目标 ${formatQuantity(t)}，完成 ${formatQuantity(a)}，需要评分`);
  }
  const [A, B] = pair;
  const level2 = ctx.level2;
  let comparator = target.comparator;
  if (comparator === '=') comparator = null;
  if (comparator === null) {
    const ceiling =
      (/时效/u.test(level2) && (t.family === 'duration' || t.family === 'workday')) ||
      (/成本/u.test(level2) && t.family === 'money');
    if (A === 0) return zeroRule(B, flags);
    comparator = ceiling ? '<=' : '>=';
  }
  if (comparator === '<=' || comparator === '<') {
    if (A <= 0) return zeroRule(B, flags);
    if (B <= A) return result('reverse', 1, flags, `反向：${fmt(B)} ≤ ${fmt(A)}，r = 1`);
    if (ctx.profile.reverseRule === 'inverse') {
      const r = clamp01(A / B);
      return result('reverse', r, flags, `反向：r = min(1, ${fmt(A)}/${fmt(B)}) = ${fmt(r)}`);
    }
    const r = Math.max(0, 2 - B / A);
    return result('reverse', r, flags, `反向：r = max(0, 2 − ${fmt(B)}/${fmt(A)}) = ${fmt(r)}`);
  }
  // Positive (≥, >, or a bare number): more is better.
  if (A <= 0) return result('positive', B >= A ? 1 : 0, flags, `正向：目标 ${fmt(A)}，完成 ${fmt(B)}`);
  const achieved = Math.max(0, B) / A;
  if (achieved >= ctx.profile.overAchievement.threshold) flags.push('target-too-low');
  const r = Math.min(1, achieved);
  return {
    ...result('positive', r, flags, `正向：r = min(1, ${fmt(Math.max(0, B))}/${fmt(A)}) = ${fmt(r)}`),
    achieved,
  };
}

/** The actual's quantity to compare with a numeric target: the number itself, or the one in a text whose unit fits. */
export function actualQuantity(t: Quantity, actual: ParsedValue): Quantity | null {
  if (actual.kind === 'number') return actual.quantity;
  if (actual.kind === 'text-numbers') {
    const fits = actual.quantities.filter((q) => comparable(t, q) !== null);
    if (fits.length > 0) return fits[0] ?? null;
    const percent = actual.quantities.filter((q) => q.family === 'percent');
    return percent.length === 1 ? (percent[0] ?? null) : null;
  }
  return null;
}

/**
 * Target and actual as two numbers on one scale, or null when they do not compare. The same printed
 * unit compares as it stands (`2000万` vs `3790.19万`); a side without a unit takes the other's; a bare
 * multiplier (`万`) takes the other side's family; otherwise the families must match.
 */
export function comparable(t: Quantity, a: Quantity): readonly [number, number] | null {
  if (t.unit === a.unit) return [t.number, a.number];
  const bare = (q: Quantity) => q.family === 'none' && q.scale === 1;
  if (bare(a) || bare(t)) return [t.number, a.number];
  if (t.family === a.family || t.family === 'none' || a.family === 'none')
    return [t.number * t.scale, a.number * a.scale];
  return null;
}

function zeroRule(B: number, flags: RatioFlag[]): RatioResult {
  const r = B <= 0 ? 1 : 0;
  return result('zero', r, flags, `零目标：完成 ${fmt(B)} ${B <= 0 ? '≤ 0，r = 1' : '> 0，r = 0'}`);
}

type FrequencyValue = Extract<ParsedValue, { kind: 'frequency' }>;

function frequencyRatio(target: FrequencyValue, actual: ParsedValue, flags: RatioFlag[]): RatioResult {
  const every = target.periodDays / target.count;
  if (actual.kind === 'frequency') {
    const actualEvery = actual.periodDays / actual.count;
    const r = actualEvery <= every ? 1 : every / actualEvery;
    return result(
      'frequency',
      r,
      flags,
      `频次：目标每 ${fmt(every)} 天一次，实际每 ${fmt(actualEvery)} 天一次，r = ${fmt(r)}`,
    );
  }
  if (actual.kind === 'number' && (actual.quantity.family === 'events' || actual.quantity.family === 'none')) {
    // A count for the year against `每季度1次`: the year holds 365/91 ≈ 4 such periods.
    const expected = Math.max(1, Math.round(365 / every));
    const achieved = actual.quantity.number / expected;
    const r = clamp01(achieved);
    return {
      ...result(
        'frequency',
        r,
        flags,
        `频次：全年应 ${expected} 次，实际 ${fmt(actual.quantity.number)} 次，r = ${fmt(r)}`,
      ),
      achieved,
    };
  }
  return needsRating(flags, '频次目标与完成值无法比较，需要评分');
}

type QualitativeValue = Extract<ParsedValue, { kind: 'qualitative' }>;

function qualitativeRatio(
  target: QualitativeValue,
  actual: ParsedValue,
  ctx: RatioContext,
  flags: RatioFlag[],
): RatioResult {
  const tiers = ctx.profile.qualitativeTiers;
  if (actual.kind === 'number' && actual.quantity.family === 'percent') {
    const pct = actual.quantity.number;
    if (pct < 0 || pct > 100) flags.push('percent-out-of-range');
    const r = clamp01(pct / 100);
    const tier = tiers.find((t) => pct >= t.min) ?? tiers[tiers.length - 1];
    return {
      ...result('qualitative-percent', r, flags, `定性：完成比例 ${fmt(pct)}%（${tier?.name ?? ''}），r = ${fmt(r)}`),
      qualitativePercent: pct,
    };
  }
  if (actual.kind === 'qualitative' || (actual.kind === 'date' && actual.onTime)) {
    const word = actual.kind === 'qualitative' ? actual.text : actual.raw.trim();
    if (
      word === target.text ||
      achievedWords.test(word) ||
      (actual.kind === 'date' && /及时|按时/u.test(target.text))
    ) {
      flags.push('qualitative-assumed');
      return {
        ...result('qualitative-word', 1, flags, `定性：完成情况“${word}”视为全部达成，r = 1（建议填写完成比例）`),
        qualitativePercent: 100,
      };
    }
    for (const [pattern, index] of tierWords) {
      const tier = tiers[Math.min(index, tiers.length - 1)];
      if (tier && pattern.test(word)) {
        flags.push('qualitative-assumed');
        const r = tier.min / 100;
        return {
          ...result('qualitative-word', r, flags, `定性：“${word}”按“${tier.name}”档下限计，r = ${fmt(r)}`),
          qualitativePercent: tier.min,
        };
      }
    }
  }
  return needsRating(flags, '定性指标的完成情况没有比例，需要评分');
}

type DateValue = Extract<ParsedValue, { kind: 'date' }>;

function dateRatio(target: DateValue, actual: ParsedValue, flags: RatioFlag[]): RatioResult {
  if (actual.kind === 'date') {
    if (actual.onTime) return result('date', 1, flags, '时限：按时完成，r = 1');
    const order = (v: DateValue) => [v.year ?? target.year ?? 0, v.month ?? 12, v.day ?? 31] as const;
    const [ty, tm, td] = order(target);
    const [ay, am, ad] = order(actual);
    const late = ay > ty || (ay === ty && (am > tm || (am === tm && ad > td)));
    if (!late) return result('date', 1, flags, '时限：完成日期不晚于目标，r = 1');
    flags.push('date-late');
    return needsRating(flags, '时限：完成日期晚于目标，需要评分');
  }
  if (actual.kind === 'number' && actual.quantity.family === 'percent') {
    flags.push('share-for-non-percent');
    const r = clamp01(actual.quantity.number / 100);
    return result('share', r, flags, `时限：按时完成比例 ${fmt(actual.quantity.number)}%，r = ${fmt(r)}`);
  }
  return needsRating(flags, '时限目标与完成值无法比较，需要评分');
}

type CompoundValue = Extract<ParsedValue, { kind: 'compound' }>;

function compoundRatio(target: CompoundValue, actual: ParsedValue, ctx: RatioContext, flags: RatioFlag[]): RatioResult {
  if (actual.kind !== 'compound' || actual.parts.length !== target.parts.length) {
    flags.push('compound-mismatch');
    return needsRating(flags, '复合目标与完成值的项数不一致，需要评分');
  }
  const parts = target.parts.map((t, i) => completionRatio(t, actual.parts[i] ?? t, ctx));
  for (const p of parts) for (const f of p.flags) if (!flags.includes(f)) flags.push(f);
  if (parts.some((p) => p.ratio === null)) return needsRating(flags, '复合目标中有分项无法计算，需要评分');
  const r = parts.reduce((s, p) => s + (p.ratio ?? 0), 0) / parts.length;
  const achieved = parts.reduce<number | null>(
    (m, p) => (p.achieved === null ? m : Math.max(m ?? 0, p.achieved)),
    null,
  );
  return {
    ...result(
      'compound',
      r,
      flags,
      `复合：各分项 r 的平均 = ${fmt(r)}（${parts.map((p) => p.explanation).join('；')}）`,
    ),
    achieved,
  };
}

function result(rule: RuleName, ratio: number | null, flags: RatioFlag[], explanation: string): RatioResult {
  return { rule, ratio, flags, achieved: null, qualitativePercent: null, explanation };
}

function needsRating(flags: RatioFlag[], explanation: string): RatioResult {
  return result('needs-rating', null, flags, explanation);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function fmt(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}
