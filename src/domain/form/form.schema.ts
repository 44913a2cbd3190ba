import { z } from 'zod';

/**
 * The canonical self-evaluation form (项目支出绩效自评表), as zod schemas.
 * Mirrors docs/spec/form.schema.json exactly: every object is strict (no unknown keys), the same
 * fields are required, and the same values are nullable. form.schema.test.ts checks the two
 * against each other on the golden file and on invalid variants.
 *
 * Money stays a JSON number in the form's printed unit (funding.unit); it is never summed as a
 * float: see domain/money.ts.
 */

const nullableNumber = z.number().nullable();
const nullableString = z.string().nullable();

export const fundingLineSchema = z.strictObject({
  name: z.string(),
  initialBudget: nullableNumber,
  budget: nullableNumber,
  executed: nullableNumber,
  rate: nullableNumber,
  weight: nullableNumber.optional(),
  score: nullableNumber.optional(),
});

export const indicatorSchema = z.strictObject({
  level1: z.string(),
  level2: z.string(),
  name: z.string().min(1),
  target: nullableString,
  actual: nullableString,
  note: nullableString,
  weight: nullableNumber.optional(),
  score: nullableNumber.optional(),
});

export const periodSchema = z.strictObject({ start: z.iso.date(), end: z.iso.date() });

export const formSchema = z.strictObject({
  kind: z.literal('project-self-evaluation'),
  year: z.int().min(1990).max(2100),
  title: z.string(),
  project: z.strictObject({
    name: z.string().min(1),
    period: periodSchema.nullable(),
    department: nullableString,
    implementer: nullableString,
    isKeyProject: z.boolean().nullable(),
    attribute: nullableString,
  }),
  funding: z.strictObject({
    unit: z.enum(['万元', '元']),
    lines: z.array(fundingLineSchema).min(1),
  }),
  objectives: z.strictObject({ planned: nullableString, actual: nullableString }),
  indicators: z.array(indicatorSchema),
  remarks: nullableString,
  preparer: z.strictObject({ name: nullableString, phone: nullableString }),
  selfScore: z.strictObject({ total: nullableNumber.optional(), grade: nullableString.optional() }).optional(),
  extras: z.record(z.string(), z.string()).optional(),
});

export type Form = z.infer<typeof formSchema>;
export type FundingLine = z.infer<typeof fundingLineSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type MoneyUnit = Form['funding']['unit'];
