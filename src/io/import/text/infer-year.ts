/**
 * The year of a form whose title and header print none (`食品监管补助资金区域绩效目标自评表`), guessed
 * from the form's own text. The guess is always reported by the caller as `year-inferred`.
 */

/** A piece of the form's text; only its text is read (text cells and grid cells both qualify). */
interface TextPiece {
  readonly text: string;
}

export interface InferredYear {
  readonly year: number;
  /** What the guess rests on, in Chinese, for the issue message. */
  readonly basis: string;
  readonly raw: string;
}

/** `年度：2022`, `预算年度:2022`: a year labelled as the form's, without 年 after it. */
const LABELLED_YEAR = /年度\s*[:：]\s*((?:19|20)\d{2})(?!\d)/;
const FISCAL_YEAR = /((?:19|20)\d{2})\s*年度/;
const FISCAL_YEARS = new RegExp(FISCAL_YEAR.source, 'g');
const YEAR_IN_DATE = /((?:19|20)\d{2})\s*年(?:\s*\d{1,2}\s*月|底|末|内|全年)/;
const YEAR_MARK = /((?:19|20)\d{2})\s*年/;

function sane(year: number): boolean {
  return year >= 1990 && year <= 2100;
}

/** Most frequent year matched by `pattern` among the cells, with the first cell that printed it. */
function commonYear(cells: readonly TextPiece[], pattern: RegExp): { year: number; raw: string } | null {
  const counts = new Map<number, { n: number; raw: string }>();
  for (const cell of cells) {
    const m = pattern.exec(cell.text);
    const year = Number(m?.[1]);
    if (m === null || !sane(year)) continue;
    const seen = counts.get(year);
    counts.set(year, { n: (seen?.n ?? 0) + 1, raw: seen?.raw ?? cell.text });
  }
  let best: { year: number; raw: string } | null = null;
  let bestN = 0;
  for (const [year, { n, raw }] of counts)
    if (n > bestN) {
      best = { year, raw };
      bestN = n;
    }
  return best;
}

/**
 * The form's year from, in order of trust: the project period, a `年度：2021` or a `2021年度` anywhere in the form,
 * dates in the form (`2021年12月31日`, `2021年底`), any `2021年`, and last the year before 填报日期.
 * Null when the text names no year. `periodStart` is the ISO start date of 项目起止时间, if read;
 * `filledOn` the printed 填报日期, if any.
 */
export function inferYear(
  cells: readonly TextPiece[],
  periodStart: string | null,
  filledOn: string | null,
): InferredYear | null {
  if (periodStart !== null) {
    const year = Number(periodStart.slice(0, 4));
    if (sane(year)) return { year, basis: '项目起止时间', raw: periodStart };
  }
  const sources: [RegExp, string][] = [
    [LABELLED_YEAR, '表中的"年度：××××"'],
    [FISCAL_YEAR, '表中的"××××年度"'],
    [YEAR_IN_DATE, '表中的日期'],
    [YEAR_MARK, '表中出现的年份'],
  ];
  // The date of filling is not the form's year: its cells are left out of the search.
  const own =
    filledOn === null ? cells : cells.filter((c) => !filledOn.includes(c.text.replace(/^填报日期[:：]?/, '')));
  for (const [pattern, basis] of sources) {
    const hit = commonYear(own, pattern);
    if (hit !== null) return { ...hit, basis };
  }
  // Self-evaluations are filled in after the year they evaluate (填报日期 2022.3 for 2021).
  const filled = filledOn === null ? null : /((?:19|20)\d{2})/.exec(filledOn);
  const year = Number(filled?.[1]) - 1;
  return filled === null || !sane(year) ? null : { year, basis: '填报日期的上一年', raw: filledOn ?? '' };
}

/**
 * The year a page's heading above the first form states (`某局2022年度项目支出绩效自评结果`), for a
 * form whose own text names none: only an explicit `2022年度` is taken, and only when the heading
 * names one year. The caller reports it as inferred.
 */
export function headingYear(cells: readonly TextPiece[]): InferredYear | null {
  const years = new Set<number>();
  let raw = '';
  for (const cell of cells) {
    if (!cell.text.includes('年度')) continue;
    for (const m of cell.text.matchAll(FISCAL_YEARS)) {
      const year = Number(m[1]);
      if (!sane(year)) continue;
      years.add(year);
      raw = raw === '' ? cell.text : raw;
    }
  }
  const [year] = years;
  return years.size === 1 && year !== undefined ? { year, basis: '表前的标题或说明中的"××××年度"', raw } : null;
}
