import type { FastifyInstance } from 'fastify';
import { summarizeDepartments } from '../../domain/index.js';
import { toSummaryReport } from '../../domain/report/index.js';
import { listOrgs } from '../../store/orgs.repository.js';
import { summaryQuery } from '../api-schemas.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { summaryInputs } from '../services/summary.service.js';
import { parseRequest } from '../validate.js';

export function summaryRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** The core's department summaries over the forms the user may see, with reviewer ratings applied. */
  app.get('/api/summary', async (request) => {
    const actor = requireUser(request);
    const q = parseRequest(summaryQuery, request.query, 'query');
    const { forms, scores } = await summaryInputs(ctx, actor, q);
    return summarizeDepartments(forms, scores, ctx.profile).map(toSummaryReport);
  });

  /** The organisation tree (for choosing a unit to import into, and for filters). */
  app.get('/api/orgs', async (request) => {
    requireUser(request);
    return listOrgs(ctx.store.db);
  });
}
