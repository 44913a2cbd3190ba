import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { docsPage, openApiDocument } from '../openapi.js';

const placeholder = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>jixiao 绩效自评</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40em;margin:3em auto">
<h1>jixiao 绩效自评系统</h1><p>服务已启动。网页界面尚未构建（<code>dist/web</code> 不存在）。</p>
<p>接口文档：<a href="/api/docs">/api/docs</a> · OpenAPI：<a href="/api/openapi.json">/api/openapi.json</a></p></body></html>`;

/** /api/openapi.json, /api/docs, and the web app from `webRoot` when built (else a small Chinese page). */
export async function webRoutes(app: FastifyInstance, webRoot: string): Promise<void> {
  const document = JSON.stringify(openApiDocument());
  const docs = docsPage();
  app.get('/api/openapi.json', (_req, reply) => reply.type('application/json; charset=utf-8').send(document));
  app.get('/api/docs', (_req, reply) => reply.type('text/html; charset=utf-8').send(docs));
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // Client-side routes of the single-page app fall back to index.html; /api stays JSON 404.
    app.get('/*', (request, reply) =>
      request.url.startsWith('/api/') ? reply.callNotFound() : reply.sendFile('index.html'),
    );
  } else {
    app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(placeholder));
  }
}
