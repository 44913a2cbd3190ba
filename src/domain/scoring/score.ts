import type { ParsedValue } from '../values/value.js';

/** How an indicator took part in the total. */
export type IndicatorStatus = 'scored' | 'not-applicable' | 'needs-rating';

/** Which rule of scoring.md §2 produced r; shown to people so that a score explains itself. */
export type RuleName =
  | 'positive'
  | 'reverse'
  | 'zero'
  | 'frequency'
  | 'qualitative-percent'
  | 'qualitative-word'
  | 'date'
  | 'compound'
  | 'share'
  | 'reviewer-rating'
  | 'printed-score'
  | 'not-applicable'
  | 'needs-rating';

export interface IndicatorScore {
  readonly index: number;
  readonly level1: string;
  /** The first-level category this indicator counts in (成本指标 printed as level 1 counts in 产出). */
  readonly category: string;
  readonly level2: string;
  readonly name: string;
  readonly target: ParsedValue;
  readonly actual: ParsedValue;
  readonly rule: RuleName;
  /** Completion ratio in [0, 1]; null unless scored. */
  readonly ratio: number | null;
  /** Points this indicator carries (0 when not applicable or waiting for a rating). */
  readonly weight: number;
  readonly score: number;
  readonly status: IndicatorStatus;
  /** One line in Chinese: how r was found, e.g. `正向：min(1, 147/50) = 1`. */
  readonly explanation: string;
  /** What the reading noticed on the way; the checker turns these into findings. */
  readonly flags: readonly RatioFlag[];
  /** B/A on a positive rule (before the cap at 1), for over-achievement; null otherwise. */
  readonly achieved: number | null;
  /** The completion percent a qualitative indicator was given, null otherwise. */
  readonly qualitativePercent: number | null;
}

/** Facts found while computing r that the checker reports (scoring.md §4). */
export type RatioFlag =
  | 'share-for-non-percent'
  | 'unit-mismatch'
  | 'target-too-low'
  | 'qualitative-assumed'
  | 'actual-as-bound'
  | 'value-typo'
  | 'unparsed-target'
  | 'unparsed-actual'
  | 'missing-actual'
  | 'percent-out-of-range'
  | 'compound-mismatch'
  | 'date-late';

export interface CategoryScore {
  readonly level1: string;
  /** Points the profile gives this category after redistribution (e.g. 满意度 → 效益). */
  readonly points: number;
  readonly score: number;
  readonly indicators: number;
}

export interface BudgetScore {
  /** Execution rate B/A in percent, or null when the funding table has no usable total. */
  readonly rate: number | null;
  readonly points: number;
  readonly score: number;
  readonly source: 'total-line' | 'source-lines' | 'none';
}

export interface FormScore {
  readonly project: string;
  readonly year: number;
  readonly department: string | null;
  readonly profile: string;
  readonly total: number;
  readonly grade: Grade;
  /** True when some indicator waits for a reviewer's rating. */
  readonly provisional: boolean;
  readonly budget: BudgetScore;
  readonly categories: readonly CategoryScore[];
  readonly indicators: readonly IndicatorScore[];
  /** Points of categories with no applicable indicator; the total was rescaled by 100 / (100 − this). */
  readonly unassignedPoints: number;
  /** Deductions and caps a profile applied after summing, each explained. */
  readonly adjustments: readonly { readonly reason: string; readonly points: number }[];
}

export type Grade = '优' | '良' | '中' | '差';
