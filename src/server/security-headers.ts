import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/** Headers Fastify itself sets on every reply; everything else the probe returns came from helmet. */
const ownHeaders = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The security headers helmet sends under `options`, computed once. @fastify/helmet rebuilds the
 * helmet middleware (parsing the CSP directives) on every request; our headers are the same for
 * every response, so we ask helmet once, through a probe app, and set the result per request.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(fastifyHelmet, options);
  probe.get('/', async () => '');
  const response = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers))
    if (!ownHeaders.has(name) && value !== undefined)
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  return headers;
}

/** Set the precomputed headers on every reply (before the handler, so error replies carry them too). */
export function applyHeaders(app: FastifyInstance, headers: Record<string, string>): void {
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
