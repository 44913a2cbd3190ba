import type { Form, FormScore } from '../../domain/index.js';
import { visibilityScope } from '../../domain/workflow/index.js';
import { listFormJson } from '../../store/form-listing.repository.js';
import { ratingsByForm } from '../../store/reviews.repository.js';
import type { AppContext } from '../context.js';
import { scoreWithRatings } from './form-facts.js';
import type { ActingUser } from './forms.service.js';

/**
 * The forms a department summary covers (those the user may see, narrowed by department and year)
 * with their scores, reviewers' ratings applied: what the summary page and the summary workbook
 * are both made of, so the two always agree.
 */
export async function summaryInputs(
  ctx: AppContext,
  actor: ActingUser,
  q: { readonly department?: string | undefined; readonly year?: number | undefined },
): Promise<{ forms: Form[]; scores: FormScore[] }> {
  const rows = await listFormJson(ctx.store.db, {
    scope: visibilityScope(actor),
    ...(q.department !== undefined ? { department: q.department } : {}),
    ...(q.year !== undefined ? { year: q.year } : {}),
  });
  const ratings = await ratingsByForm(
    ctx.store.db,
    rows.map((r) => r.id),
  );
  const forms = rows.map((r) => JSON.parse(r.json) as Form);
  const scores = forms.map((f, i) => scoreWithRatings(f, ctx.profile, ratings.get(rows[i]?.id ?? '') ?? new Map()));
  return { forms, scores };
}
