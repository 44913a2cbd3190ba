import { z } from 'zod';
import { formSchema } from '../domain/form/form.schema.js';
import { formStatuses, roles } from '../domain/workflow/workflow.js';

/**
 * Request and response schemas of the HTTP API. Requests are validated with them; the OpenAPI
 * document is generated from them (z.toJSONSchema), so the two cannot drift apart.
 */

export const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export const versionParams = z.strictObject({
  id: z.string().min(1).max(100),
  version: z.coerce.number().int().min(1),
});

export const exportQuery = z.strictObject({
  format: z.enum(['xlsx', 'pdf', 'html', 'csv', 'json', 'datapackage']).default('xlsx'),
  /** Print 分值/得分 and 总分 computed by jixiao (xlsx, pdf, html). */
  scores: z.enum(['true', 'false']).default('false'),
});

export const loginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

const intText = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** `?year=&department=` (empty values) mean "no filter", as forms and hand-written URLs send them. */
const blankIsAbsent = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t);

export const listQuery = z.strictObject({
  year: blankIsAbsent(intText(1990, 2100).optional()),
  department: blankIsAbsent(z.string().max(200).optional()),
  unit: blankIsAbsent(z.string().max(100).optional()),
  status: blankIsAbsent(z.enum(formStatuses).optional()),
  q: blankIsAbsent(z.string().max(200).optional()),
  page: blankIsAbsent(intText(1, 1_000_000).default(1)),
  pageSize: blankIsAbsent(intText(1, 500).default(50)),
});

export const putFormBody = z.strictObject({
  /** The version the client read; optional when the If-Match header carries it. */
  version: z.int().min(1).optional(),
  form: formSchema,
});

export const transitionBody = z.strictObject({
  to: z.enum(formStatuses),
  comment: z.string().max(10_000).optional(),
  version: z.int().min(1).optional(),
});

export const batchTransitionBody = z.strictObject({
  forms: z
    .array(z.strictObject({ id: z.string().min(1).max(100), version: z.int().min(1).optional() }))
    .min(1)
    .max(500),
  to: z.enum(formStatuses),
  comment: z.string().max(10_000).optional(),
});

export const newUserBody = z.strictObject({
  username: z.string().regex(/^[\w.@-]{2,64}$/, 'letters, digits, . _ @ - (2–64)'),
  role: z.enum(roles),
  /** Omitted: a random password is generated and returned once. */
  password: z.string().min(8).max(200).optional(),
  department: z.string().min(1).max(200).optional(),
  unit: z.string().min(1).max(200).optional(),
  displayName: z.string().min(1).max(100).optional(),
});

export const usernameParams = z.strictObject({ username: z.string().min(1).max(64) });

export const commentBody = z.strictObject({
  indicatorIndex: z.int().min(0).nullable().default(null),
  body: z.string().trim().min(1).max(10_000),
});

export const ratingBody = z.strictObject({
  indicatorIndex: z.int().min(0),
  /** r in [0, 1]; null clears the rating. */
  rating: z.number().min(0).max(1).nullable(),
});

export const deductionBody = z.strictObject({
  points: z.number().positive().max(100).multipleOf(0.01),
  reason: z.string().trim().min(1).max(2000),
});

export const summaryQuery = z.strictObject({
  department: blankIsAbsent(z.string().max(200).optional()),
  year: blankIsAbsent(intText(1990, 2100).optional()),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(roles),
  orgId: z.string().nullable(),
  displayName: z.string(),
});

export const sessionResponse = z.object({ user: userSchema, csrfToken: z.string() });

export const formListItem = z.object({
  id: z.string(),
  project: z.string(),
  year: z.int(),
  department: z.string(),
  unit: z.string(),
  unitId: z.string(),
  status: z.enum(formStatuses),
  version: z.int(),
  total: z.number(),
  /** The total after reviewers' deductions (审核后得分); null when there are none. */
  reviewedTotal: z.number().nullable(),
  grade: z.string(),
  provisional: z.boolean(),
  updatedAt: z.string(),
});

export const formResponse = z.object({
  id: z.string(),
  status: z.enum(formStatuses),
  version: z.int(),
  form: formSchema,
});

export const importResponse = z.object({
  forms: z.array(z.object({ id: z.string(), project: z.string(), status: z.enum(formStatuses) })),
  issues: z.array(z.object({ file: z.string(), code: z.string(), severity: z.string(), message: z.string() }).loose()),
});

export const importPreviewResponse = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      format: z.string().nullable(),
      forms: z.array(z.unknown()),
      issues: importResponse.shape.issues,
    }),
  ),
});

export const errorResponse = z.object({
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      messageEn: z.string(),
      problems: z.array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() })).optional(),
    })
    .loose(),
});

export const historyEntry = z.object({
  version: z.int(),
  action: z.string(),
  at: z.string(),
  user: z.object({ username: z.string(), displayName: z.string() }),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  detail: z.unknown(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});
