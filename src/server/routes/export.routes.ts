import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportForms, exportSummary, XLSX_CONTENT_TYPE } from '../../io/export/index.js';
import { listVersions } from '../../store/forms.repository.js';
import { exportQuery, idParams, summaryQuery, versionParams } from '../api-schemas.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { parseStored, visibleForm } from '../services/forms.service.js';
import { summaryInputs } from '../services/summary.service.js';
import { parseRequest } from '../validate.js';

/** `attachment; filename="ascii"; filename*=UTF-8''…` so Chinese names survive every browser. */
function sendFile(reply: FastifyReply, bytes: Uint8Array, contentType: string, fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(Buffer.from(bytes));
}

/** Downloads through src/io/export (the same functions as `jixiao export`), and old versions of a form. */
export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/forms/:id/export', async (request, reply) => {
    const actor = requireUser(request);
    const { id } = parseRequest(idParams, request.params, 'params');
    const q = parseRequest(exportQuery, request.query, 'query');
    const record = await visibleForm(ctx.store.db, actor, id);
    let result;
    try {
      result = await exportForms([parseStored(record)], q.format, {
        scores: q.scores === 'true',
        profile: ctx.profile,
      });
    } catch (e) {
      if (q.format === 'pdf') {
        request.log.warn({ err: e }, 'pdf export failed');
        throw new AppError('export-unavailable');
      }
      throw e;
    }
    return sendFile(reply, result.bytes, result.contentType, result.fileName);
  });

  app.get('/api/summary/export', async (request, reply) => {
    const actor = requireUser(request);
    const q = parseRequest(summaryQuery, request.query, 'query');
    // The page's figures, reviewers' ratings included (summaryInputs).
    const { forms, scores } = await summaryInputs(ctx, actor, q);
    const name = `${q.department ?? '主管部门'}${q.year !== undefined ? `（${q.year}年度）` : ''}汇总.xlsx`;
    return sendFile(reply, await exportSummary(forms, ctx.profile, scores), XLSX_CONTENT_TYPE, name);
  });

  app.get('/api/forms/:id/versions/:version', async (request, reply) => {
    const actor = requireUser(request);
    const { id, version } = parseRequest(versionParams, request.params, 'params');
    await visibleForm(ctx.store.db, actor, id);
    const found = (await listVersions(ctx.store.db, id)).find((v) => v.version === version);
    if (!found) throw notFound();
    return reply
      .type('application/json; charset=utf-8')
      .send(
        `{"id":${JSON.stringify(id)},"version":${found.version},"status":${JSON.stringify(found.status)},"createdAt":${JSON.stringify(found.createdAt)},"form":${found.json}}`,
      );
  });
}
