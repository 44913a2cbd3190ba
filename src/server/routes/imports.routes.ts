import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { importForms, previewImport, type UploadedFile } from '../services/import.service.js';

/** The files of a multipart request, and its `unit` field (finance names the unit it imports for). */
async function readParts(request: FastifyRequest): Promise<{ files: UploadedFile[]; unit: string | undefined }> {
  const files: UploadedFile[] = [];
  let unit: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') files.push({ name: part.filename || part.fieldname, bytes: await part.toBuffer() });
    else if (part.fieldname === 'unit' && typeof part.value === 'string' && part.value !== '') unit = part.value;
  }
  return { files, unit };
}

/**
 * POST /api/imports: multipart, one or more files (any format `jixiao parse` reads) and, for finance,
 * a `unit` field. 201 `{ forms, issues }`; all or nothing (422 import-failed lists the issues).
 * POST /api/imports/preview: the same files, read and validated but not stored: 200
 * `{ files: [{ file, format, forms, issues }] }`.
 */
export function importsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/imports', async (request, reply) => {
    const actor = requireUser(request);
    const { files, unit } = await readParts(request);
    return reply.status(201).send(await importForms(ctx, actor, files, unit));
  });
  app.post('/api/imports/preview', async (request) => {
    const actor = requireUser(request);
    const { files } = await readParts(request);
    return previewImport(ctx, actor, files);
  });
}
