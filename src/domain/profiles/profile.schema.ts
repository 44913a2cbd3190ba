import { z } from 'zod';

/**
 * A rule profile: every number and choice of docs/spec/scoring.md that jurisdictions change.
 * Profiles are data. The built-in ones live in builtin-profiles.ts; users load their own from JSON
 * (validated with profileSchema, every problem listed).
 */

const percent = z.number().min(0).max(100);

export const categorySchema = z.strictObject({
  /** Canonical first-level name used in output (`产出指标`). */
  name: z.string().min(1),
  points: z.number().min(0).max(100),
  /** Printed level-1 names (after normalisation) that count in this category. */
  level1: z.array(z.string().min(1)).min(1),
});

export const profileShape = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens'),
  title: z.string().min(1),
  description: z.string().default(''),
  /** Points for 预算执行率: score = budgetPoints × min(1, rate). */
  budgetPoints: z.number().min(0).max(100),
  categories: z.array(categorySchema).min(1),
  /** When a category has no indicator at all, its points go to another category. */
  redistribute: z.array(z.strictObject({ from: z.string().min(1), to: z.string().min(1) })).default([]),
  /** Qualitative tiers, best first, in percent: [min, max]. The first tier is "met". */
  qualitativeTiers: z.array(z.strictObject({ name: z.string().min(1), min: percent, max: percent })).min(2),
  /** Reverse (≤) indicators over target: `linear` r = max(0, 2 − B/A) (MOF), `inverse` r = min(1, A/B). */
  reverseRule: z.enum(['linear', 'inverse']),
  grades: z
    .array(z.strictObject({ grade: z.enum(['优', '良', '中', '差']), min: z.number().min(0).max(100) }))
    .length(4),
  overAchievement: z.strictObject({
    /** B/A at or above which a positive indicator raises target-too-low. */
    threshold: z.number().min(1),
    /** Points deducted from the total per over-achieved indicator. */
    deductionPerIndicator: z.number().min(0),
  }),
  /** Caps on the total by execution rate: rate below `below` (and at or above the next cap's) → total ≤ maxTotal. */
  executionCaps: z.array(z.strictObject({ below: percent, maxTotal: z.number().min(0).max(100) })).default([]),
  /** Execution rate below which low-execution is raised, in percent. */
  lowExecutionBelow: percent,
  /** Department summary weights projects by their 年度资金总额 budget or executed amount. */
  summaryWeight: z.enum(['budget', 'executed']),
});

/** The parts of a profile that cross-field rules read. */
type Consistent = Pick<
  z.output<typeof profileShape>,
  'budgetPoints' | 'categories' | 'redistribute' | 'qualitativeTiers' | 'grades'
>;

/**
 * Rules between fields: points add up to 100, redistribution names real categories, tiers touch,
 * grades descend. Kept apart from the shape so that loadProfile can list these problems together
 * with shape problems instead of one round at a time.
 */
export function profileConsistency(p: Consistent): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const total = p.budgetPoints + p.categories.reduce((s, c) => s + c.points, 0);
  if (Math.abs(total - 100) > 1e-9) {
    issues.push({
      path: ['categories'],
      message: `budgetPoints plus category points must be 100, got ${total}`,
    });
  }
  const names = new Set(p.categories.map((c) => c.name));
  p.redistribute.forEach((r, i) => {
    if (!names.has(r.from)) issues.push({ path: ['redistribute', i, 'from'], message: `unknown category ${r.from}` });
    if (!names.has(r.to)) issues.push({ path: ['redistribute', i, 'to'], message: `unknown category ${r.to}` });
  });
  p.qualitativeTiers.forEach((t, i) => {
    if (t.min > t.max) issues.push({ path: ['qualitativeTiers', i], message: 'min is above max' });
    const next = p.qualitativeTiers[i + 1];
    if (next && next.max !== t.min) {
      issues.push({
        path: ['qualitativeTiers', i + 1, 'max'],
        message: `tiers must touch: expected max ${t.min}`,
      });
    }
  });
  const order = p.grades.map((g) => g.grade).join('');
  if (order !== '优良中差') issues.push({ path: ['grades'], message: 'grades must be listed 优, 良, 中, 差' });
  p.grades.forEach((g, i) => {
    const prev = p.grades[i - 1];
    if (prev && g.min >= prev.min) issues.push({ path: ['grades', i, 'min'], message: 'grade minimums must decrease' });
  });
  return issues;
}

export const profileSchema = profileShape.superRefine((p, ctx) => {
  for (const issue of profileConsistency(p)) ctx.addIssue({ code: 'custom', ...issue });
});

export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
