import type { Grade } from '../scoring/score.js';

export type AggregateKind = 'absolute' | 'relative' | 'qualitative' | 'cannot-aggregate';

export interface IndicatorAggregate {
  readonly name: string;
  readonly kind: AggregateKind;
  readonly unit: string | null;
  readonly projects: number;
  /** Σ targets (absolute) or the fund-weighted mean (relative); null for qualitative or unlike values. */
  readonly target: number | null;
  readonly actual: number | null;
  readonly ratio: number | null;
  /** Every figure traces back to its projects: the value each project contributed. */
  readonly sources: readonly {
    readonly project: string;
    readonly target: number | null;
    readonly actual: number | null;
    readonly weight: number;
  }[];
  /** Why the values could not be added, when kind is cannot-aggregate. */
  readonly reason: string | null;
}

export interface FundingAggregate {
  readonly name: string;
  readonly budget: number | null;
  readonly executed: number | null;
  readonly rate: number | null;
  readonly projects: readonly {
    readonly project: string;
    readonly budget: number | null;
    readonly executed: number | null;
  }[];
}

export interface DepartmentSummary {
  readonly department: string;
  readonly year: number;
  readonly unit: '万元' | '元';
  readonly projects: number;
  readonly budget: number;
  readonly executed: number;
  /** ΣB / ΣA in percent. */
  readonly rate: number | null;
  /** Fund-weighted mean of project totals. */
  readonly score: number | null;
  readonly grades: Readonly<Record<Grade, number>>;
  readonly funding: readonly FundingAggregate[];
  readonly ranking: readonly {
    readonly project: string;
    readonly total: number;
    readonly grade: Grade;
    readonly budget: number | null;
    readonly executed: number | null;
    readonly rate: number | null;
    readonly weight: number;
  }[];
  readonly indicators: readonly IndicatorAggregate[];
}
