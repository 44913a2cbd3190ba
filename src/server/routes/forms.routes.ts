import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkForm, totalAfterDeductions } from '../../domain/index.js';
import { toFindingReport, toScoreReport } from '../../domain/report/index.js';
import { visibilityScope } from '../../domain/workflow/index.js';
import { listForms } from '../../store/form-listing.repository.js';
import { batchTransitionBody, idParams, listQuery, putFormBody, transitionBody } from '../api-schemas.js';
import { requireUser, sessionCookie } from '../auth.js';
import type { AppContext } from '../context.js';
import { validationFailed } from '../errors.js';
import { scoreWithRatings } from '../services/form-facts.js';
import { resolveSessionWithForm } from '../services/auth.service.js';
import {
  formResponseBytes,
  formResponseText,
  parseStored,
  ratingsOf,
  seenBy,
  transitionForm,
  transitionForms,
  updateFormContent,
  visibleForm,
} from '../services/forms.service.js';
import { formHistory } from '../services/history.service.js';
import { parseRequest } from '../validate.js';

/** The version a write is based on: `If-Match: "3"` (or `3`) or the body's `version`; both must agree. */
function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): number | undefined {
  const header = request.headers['if-match'];
  let fromHeader: number | undefined;
  if (typeof header === 'string' && header.trim() !== '') {
    const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
    if (!m)
      throw validationFailed([
        {
          path: 'headers.if-match',
          message: 'If-Match 应为表单版本号，如 "3"。',
          messageEn: 'headers.if-match: expected a version like "3"',
        },
      ]);
    fromHeader = Number(m[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion)
    throw validationFailed([
      {
        path: 'body.version',
        message: 'If-Match 与 version 不一致。',
        messageEn: 'body.version: differs from If-Match',
      },
    ]);
  return fromHeader ?? bodyVersion;
}

export function formsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/forms', async (request, reply) => {
    const actor = requireUser(request);
    const q = parseRequest(listQuery, request.query, 'query');
    const { items, total } = await listForms(
      ctx.store.db,
      {
        scope: visibilityScope(actor),
        ...(q.year !== undefined ? { year: q.year } : {}),
        ...(q.department !== undefined ? { department: q.department } : {}),
        ...(q.unit !== undefined ? { unitId: q.unit } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.q !== undefined ? { q: q.q } : {}),
      },
      { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
    );
    void reply
      .header('x-total-count', String(total))
      .header('x-page', String(q.page))
      .header('x-page-size', String(q.pageSize));
    return items.map(({ deductedCentipoints, ...item }) => ({
      ...item,
      reviewedTotal: deductedCentipoints > 0 ? totalAfterDeductions(item.total, deductedCentipoints) : null,
    }));
  });

  // The most frequent request: the session and the form come from one query (see sessionInHandler),
  // the stored JSON bytes are sent as they are. Same answers, in the same order, as every other
  // route: 401 without a live session, 400 for a malformed id, 404 for a form out of sight.
  app.get('/api/forms/:id', { config: { sessionInHandler: true } }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    const wanted = (request.params as { id: string }).id;
    const read = token ? await resolveSessionWithForm(ctx.store.db, token, ctx.now(), wanted) : null;
    request.auth = read?.auth ?? null;
    const actor = requireUser(request);
    parseRequest(idParams, request.params, 'params');
    const form = seenBy(actor, read?.form ?? null);
    return reply
      .type('application/json; charset=utf-8')
      .header('etag', `"${form.version}"`)
      .send(formResponseBytes(form, form.json));
  });

  app.put('/api/forms/:id', { bodyLimit: 5 * 1024 * 1024 }, async (request, reply) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    const body = parseRequest(putFormBody, request.body, 'body');
    const version = expectedVersion(request, body.version);
    if (version === undefined)
      throw validationFailed([
        {
          path: 'body.version',
          message: '请提供读取时的版本号（version 字段或 If-Match 头）。',
          messageEn: 'body.version: required (or If-Match)',
        },
      ]);
    const record = await updateFormContent(ctx, actor, id, version, body.form);
    return reply
      .type('application/json; charset=utf-8')
      .header('etag', `"${record.version}"`)
      .send(formResponseText(record));
  });

  app.post('/api/forms/:id/transitions', async (request, reply) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    const body = parseRequest(transitionBody, request.body, 'body');
    const record = await transitionForm(ctx, actor, id, body.to, body.comment, expectedVersion(request, body.version));
    return reply
      .type('application/json; charset=utf-8')
      .header('etag', `"${record.version}"`)
      .send(formResponseText(record));
  });

  app.post('/api/transitions', async (request) => {
    const actor = requireUser(request);
    const body = parseRequest(batchTransitionBody, request.body, 'body');
    const records = await transitionForms(ctx, actor, body.forms, body.to, body.comment);
    return records.map((r) => ({ id: r.id, status: r.status, version: r.version }));
  });

  app.get('/api/forms/:id/score', async (request) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    const record = await visibleForm(ctx.store.db, actor, id);
    return toScoreReport(scoreWithRatings(parseStored(record), ctx.profile, await ratingsOf(ctx.store.db, id)));
  });

  app.get('/api/forms/:id/findings', async (request) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    const record = await visibleForm(ctx.store.db, actor, id);
    const form = parseStored(record);
    const score = scoreWithRatings(form, ctx.profile, await ratingsOf(ctx.store.db, id));
    return checkForm(form, score, ctx.profile).map(toFindingReport);
  });

  app.get('/api/forms/:id/history', async (request) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    return formHistory(ctx, actor, id);
  });
}
