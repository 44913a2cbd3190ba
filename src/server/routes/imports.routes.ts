import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { importForms, type UploadedFile } from '../services/import.service.js';

/**
 * POST /api/imports: multipart, one or more files (any format `jixiao parse` reads) and, for finance,
 * a `unit` field. 201 `{ forms, issues }`; all or nothing (422 import-failed lists the issues).
 */
export function importsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/imports', async (request, reply) => {
    const actor = requireUser(request);
    const files: UploadedFile[] = [];
    let unit: string | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') files.push({ name: part.filename || part.fieldname, bytes: await part.toBuffer() });
      else if (part.fieldname === 'unit' && typeof part.value === 'string' && part.value !== '') unit = part.value;
    }
    return reply.status(201).send(await importForms(ctx, actor, files, unit));
  });
}
