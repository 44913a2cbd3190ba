import type { FastifyInstance } from 'fastify';
import { commentBody, deductionBody, idParams, ratingBody } from '../api-schemas.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { addComment, addDeduction, rateIndicator, reviewView } from '../services/review.service.js';
import { parseRequest } from '../validate.js';

/** Reviewer input, stored apart from the unit's self-evaluation and shown side by side with it. */
export function reviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/forms/:id/review', async (request) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    return reviewView(ctx, actor, id);
  });

  app.post('/api/forms/:id/comments', async (request, reply) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    const body = parseRequest(commentBody, request.body, 'body');
    return reply.status(201).send(await addComment(ctx, actor, id, body.indicatorIndex, body.body));
  });

  app.put('/api/forms/:id/ratings', async (request) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    const body = parseRequest(ratingBody, request.body, 'body');
    return rateIndicator(ctx, actor, id, body.indicatorIndex, body.rating);
  });

  app.post('/api/forms/:id/deductions', async (request, reply) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    const body = parseRequest(deductionBody, request.body, 'body');
    return reply.status(201).send(await addDeduction(ctx, actor, id, body.points, body.reason));
  });
}
