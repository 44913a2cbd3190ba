import type { FastifyInstance } from 'fastify';
import { summarizeDepartments, type Form } from '../../domain/index.js';
import { toSummaryReport } from '../../domain/report/index.js';
import { visibilityScope } from '../../domain/workflow/index.js';
import { listFormJson } from '../../store/form-listing.repository.js';
import { listOrgs } from '../../store/orgs.repository.js';
import { ratingsByForm } from '../../store/reviews.repository.js';
import { summaryQuery } from '../api-schemas.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { scoreWithRatings } from '../services/form-facts.js';
import { parseRequest } from '../validate.js';

export function summaryRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** The core's department summaries over the forms the user may see, with reviewer ratings applied. */
  app.get('/api/summary', async (request) => {
    const actor = requireUser(request);
    const q = parseRequest(summaryQuery, request.query, 'query');
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
    return summarizeDepartments(forms, scores, ctx.profile).map(toSummaryReport);
  });

  /** The organisation tree (for choosing a unit to import into, and for filters). */
  app.get('/api/orgs', async (request) => {
    requireUser(request);
    return listOrgs(ctx.store.db);
  });
}
