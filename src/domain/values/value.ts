/**
 * A target (年度指标值) or actual (全年完成值) string, read once. Every other part of the system
 * uses this result; nobody else runs a regular expression over a target string.
 */

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** Units that compare with each other. 工作日 is its own family: it never converts to 天. */
export type UnitFamily =
  | 'persons'
  | 'events'
  | 'items'
  | 'money'
  | 'percent'
  | 'permille'
  | 'duration'
  | 'workday'
  | 'length'
  | 'area'
  | 'weight'
  | 'other'
  | 'none';

/** A number with its unit, normalised so that numbers of one family compare directly. */
export interface Quantity {
  /** The number as printed: `2000` for `2000万`, `12000` for `12000余人次`. */
  readonly number: number;
  /** The unit as printed (`人次`, `万元`, `%`), or null when the value has none. */
  readonly unit: string | null;
  readonly family: UnitFamily;
  /**
   * Factor to the family's base unit (天 for durations, 元 for money, 1 otherwise); for a bare
   * multiplier (`万`, `亿`) it is the multiplier and the family is `none`.
   */
  readonly scale: number;
  /** 约 / 近 / 左右 / 余 / 多: the number is approximate (余 and 多 mean "at least"). */
  readonly approx: boolean;
}

/** A lenient reading that the checker reports (scoring.md §1): `80&` read as 80 %. */
export type Leniency = 'ampersand-percent';

export type Value =
  | { readonly kind: 'number'; readonly comparator: Comparator | null; readonly quantity: Quantity }
  | { readonly kind: 'frequency'; readonly count: number; readonly periodDays: number; readonly period: string }
  | { readonly kind: 'qualitative'; readonly text: string }
  | {
      readonly kind: 'date';
      readonly year: number | null;
      readonly month: number | null;
      readonly day: number | null;
      readonly onTime: boolean;
    }
  | { readonly kind: 'compound'; readonly parts: readonly ParsedValue[] }
  | { readonly kind: 'text-numbers'; readonly text: string; readonly quantities: readonly Quantity[] }
  | { readonly kind: 'not-applicable' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'unparsed' };

/** The value plus the raw string and the lenient readings applied to get it. */
export type ParsedValue = Value & { readonly raw: string; readonly leniencies: readonly Leniency[] };
