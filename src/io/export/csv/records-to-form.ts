/**
 * The inverse of form-fields.ts: records read from the exported CSVs (header name → cell text)
 * back into a canonical form, following the conventions documented there.
 */
import { formSchema, type Form, type FundingLine, type Indicator } from '../../../domain/form/form.schema.js';

export type CsvRecord = Readonly<Record<string, string>>;

const text = (r: CsvRecord, key: string): string | null => {
  const value = r[key];
  return value === undefined || value === '' ? null : value;
};

function number(r: CsvRecord, key: string): number | null {
  const value = text(r, key);
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`column ${key}: "${value}" is not a number`);
  return n;
}

function bool(r: CsvRecord, key: string): boolean | null {
  const value = text(r, key);
  if (value === null) return null;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`column ${key}: "${value}" is not true/false`);
}

/** `weight`/`score` keys for all rows when any row of the form has one (see form-fields.ts). */
const scoreKeys = (rows: readonly CsvRecord[]): boolean =>
  rows.some((r) => text(r, 'weight') !== null || text(r, 'score') !== null);

const withScores = <T>(item: T, r: CsvRecord, scored: boolean): T =>
  scored ? { ...item, weight: number(r, 'weight'), score: number(r, 'score') } : item;

/**
 * One form from its forms-table record and its funding-line and indicator records (in order).
 * Throws an Error naming the column when a cell cannot be read or the result is not a valid form.
 */
export function recordsToForm(form: CsvRecord, lines: readonly CsvRecord[], indicators: readonly CsvRecord[]): Form {
  const start = text(form, 'periodStart');
  const end = text(form, 'periodEnd');
  const total = number(form, 'selfScoreTotal');
  const grade = text(form, 'selfScoreGrade');
  const extras = text(form, 'extras');
  const linesScored = scoreKeys(lines);
  const indicatorsScored = scoreKeys(indicators);
  const value = {
    kind: 'project-self-evaluation',
    year: number(form, 'year'),
    title: form['title'] ?? '',
    project: {
      name: form['project'] ?? '',
      period: start !== null && end !== null ? { start, end } : null,
      department: text(form, 'department'),
      implementer: text(form, 'implementer'),
      isKeyProject: bool(form, 'isKeyProject'),
      attribute: text(form, 'attribute'),
    },
    funding: {
      unit: form['fundingUnit'],
      lines: lines.map((r): FundingLine =>
        withScores(
          {
            name: r['name'] ?? '',
            initialBudget: number(r, 'initialBudget'),
            budget: number(r, 'budget'),
            executed: number(r, 'executed'),
            rate: number(r, 'rate'),
          },
          r,
          linesScored,
        ),
      ),
    },
    objectives: { planned: text(form, 'objectivePlanned'), actual: text(form, 'objectiveActual') },
    indicators: indicators.map((r): Indicator =>
      withScores(
        {
          level1: r['level1'] ?? '',
          level2: r['level2'] ?? '',
          name: r['name'] ?? '',
          target: text(r, 'target'),
          actual: text(r, 'actual'),
          note: text(r, 'note'),
        },
        r,
        indicatorsScored,
      ),
    ),
    remarks: text(form, 'remarks'),
    preparer: { name: text(form, 'preparer'), phone: text(form, 'phone') },
    ...(total !== null || grade !== null ? { selfScore: { total, grade } } : {}),
    ...(extras !== null ? { extras: JSON.parse(extras) as unknown } : {}),
  };
  const parsed = formSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`form ${form['form'] ?? '?'}: ${first?.path.join('.') ?? ''} ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
