import { z } from 'zod';
import * as s from './api-schemas.js';
import { errorTable } from './errors.js';

/** One documented endpoint; request schemas are the ones the routes validate with. */
interface RouteDoc {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly multipart?: boolean;
  readonly response?: z.ZodType;
  readonly status?: number;
  readonly public?: boolean;
}

export const routeDocs: readonly RouteDoc[] = [
  { method: 'get', path: '/healthz', summary: '进程存活 (process up)', public: true },
  {
    method: 'get',
    path: '/readyz',
    summary: '数据库可用且迁移为最新 (database reachable, migrations current)',
    public: true,
  },
  {
    method: 'post',
    path: '/api/session',
    summary: '登录，设置会话 Cookie，返回 CSRF 令牌 (log in)',
    body: s.loginBody,
    response: s.sessionResponse,
    public: true,
  },
  { method: 'get', path: '/api/session', summary: '当前用户与 CSRF 令牌 (current user)', response: s.sessionResponse },
  { method: 'delete', path: '/api/session', summary: '退出登录 (log out)', status: 204 },
  {
    method: 'post',
    path: '/api/imports',
    summary: '导入一个或多个文件为草稿，全部成功或全部不导入 (import files as drafts, all or nothing)',
    multipart: true,
    response: s.importResponse,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/imports/preview',
    summary: '预览导入：读取并校验文件，返回表单与提示，不保存 (read files as the import would, store nothing)',
    multipart: true,
    response: s.importPreviewResponse,
  },
  {
    method: 'get',
    path: '/api/forms',
    summary: '表单列表（分页；总数在 x-total-count 头）(list forms, paginated)',
    query: s.listQuery,
    response: z.array(s.formListItem),
  },
  {
    method: 'get',
    path: '/api/forms/{id}',
    summary: '读取表单（ETag 为版本号）(read a form)',
    response: s.formResponse,
  },
  {
    method: 'put',
    path: '/api/forms/{id}',
    summary: '修改表单，需带版本号（version 或 If-Match），过期返回 409 (update with optimistic locking)',
    body: s.putFormBody,
    response: s.formResponse,
  },
  {
    method: 'post',
    path: '/api/forms/{id}/transitions',
    summary: '流转：提交、退回、审核、验收、公开 (workflow transition)',
    body: s.transitionBody,
    response: s.formResponse,
  },
  {
    method: 'post',
    path: '/api/transitions',
    summary: '批量流转，全部成功或全部不变 (move several forms at once, all or nothing)',
    body: s.batchTransitionBody,
  },
  { method: 'get', path: '/api/forms/{id}/score', summary: '评分（含评审评分）(score, core ScoreReport shape)' },
  { method: 'get', path: '/api/forms/{id}/findings', summary: '检查发现的问题 (findings, core FindingReport[] shape)' },
  {
    method: 'get',
    path: '/api/forms/{id}/history',
    summary: '变更历史：谁、何时、改了什么 (history with differences)',
    response: z.array(s.historyEntry),
  },
  {
    method: 'get',
    path: '/api/forms/{id}/review',
    summary: '自评与评审意见对照 (self-evaluation and review side by side)',
  },
  {
    method: 'post',
    path: '/api/forms/{id}/comments',
    summary: '评审意见（整表或某指标）(reviewer comment)',
    body: s.commentBody,
    status: 201,
  },
  {
    method: 'put',
    path: '/api/forms/{id}/ratings',
    summary: '为待评分指标评分 r ∈ [0,1] (rate an indicator)',
    body: s.ratingBody,
  },
  {
    method: 'post',
    path: '/api/forms/{id}/deductions',
    summary: '扣分 (deduct points)',
    body: s.deductionBody,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/summary',
    summary: '主管部门汇总 (department summary, core SummaryReport[] shape)',
    query: s.summaryQuery,
  },
  {
    method: 'get',
    path: '/api/forms/{id}/export',
    summary: '导出官方样式 Excel、PDF、打印版 HTML、CSV、JSON、数据包 (export one form)',
    query: s.exportQuery,
  },
  { method: 'get', path: '/api/forms/{id}/versions/{version}', summary: '某一历史版本的表单 (a past version)' },
  {
    method: 'get',
    path: '/api/summary/export',
    summary: '主管部门汇总 Excel (summary workbook)',
    query: s.summaryQuery,
  },
  { method: 'get', path: '/api/users', summary: '用户列表（管理员）(list users, admin)' },
  {
    method: 'post',
    path: '/api/users',
    summary: '新建用户（管理员）；不给密码则生成并返回一次 (add a user, admin)',
    body: s.newUserBody,
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/users/{username}',
    summary: '停用用户并注销其会话（管理员）(disable a user)',
    status: 204,
  },
  { method: 'get', path: '/api/orgs', summary: '组织机构：财政局、主管部门、实施单位 (organisations)' },
];

const schema = (t: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(t, { io, unrepresentable: 'any' });

function operation(doc: RouteDoc): Record<string, unknown> {
  const parameters: unknown[] = [];
  if (doc.path.includes('{id}'))
    parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } });
  if (doc.query)
    for (const [name, field] of Object.entries(doc.query.shape))
      parameters.push({ name, in: 'query', required: false, schema: schema(field as z.ZodType, 'input') });
  const ok = String(doc.status ?? 200);
  const responses: Record<string, unknown> = {
    [ok]: doc.response
      ? { description: 'OK', content: { 'application/json': { schema: schema(doc.response, 'output') } } }
      : { description: 'OK' },
    default: {
      description: '错误 (error; see x-error-codes)',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    },
  };
  const op: Record<string, unknown> = { summary: doc.summary, parameters, responses };
  if (doc.body)
    op.requestBody = { required: true, content: { 'application/json': { schema: schema(doc.body, 'input') } } };
  if (doc.multipart)
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              files: { type: 'array', items: { type: 'string', format: 'binary' } },
              unit: { type: 'string' },
            },
          },
        },
      },
    };
  if (doc.public) op.security = [];
  return op;
}

/** The OpenAPI 3.1 document of the API, generated from the zod schemas the routes validate with. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of routeDocs) (paths[doc.path] ??= {})[doc.method] = operation(doc);
  return {
    openapi: '3.1.0',
    info: {
      title: 'jixiao 绩效自评 API',
      version: '0.1.0',
      description:
        '会话 Cookie 认证；写操作需在 x-csrf-token 头中带上登录时返回的 csrfToken。Session cookie auth; writes need the x-csrf-token header.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jixiao_session' } },
      schemas: { Error: schema(s.errorResponse, 'output') },
    },
    security: [{ session: [] }],
    'x-error-codes': Object.fromEntries(
      Object.entries(errorTable).map(([code, e]) => [code, { status: e.status, message: e.zh, messageEn: e.en }]),
    ),
    paths,
  };
}

const escapeHtml = (t: string) =>
  t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A self-contained docs page (no scripts, so the CSP stays strict): endpoints and error codes. */
export function docsPage(): string {
  const rows = routeDocs
    .map(
      (d) =>
        `<tr><td><code>${d.method.toUpperCase()}</code></td><td><code>${escapeHtml(d.path)}</code></td><td>${escapeHtml(d.summary)}</td></tr>`,
    )
    .join('\n');
  const errors = Object.entries(errorTable)
    .map(([code, e]) => `<tr><td><code>${code}</code></td><td>${e.status}</td><td>${escapeHtml(e.zh)}</td></tr>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>jixiao API 文档</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}</style></head>
<body><h1>jixiao 绩效自评 API</h1>
<p>机器可读的 OpenAPI 文档：<a href="/api/openapi.json">/api/openapi.json</a>。登录：<code>POST /api/session</code>，之后的写操作须带 <code>x-csrf-token</code> 头。</p>
<h2>接口 (endpoints)</h2><table><tr><th>方法</th><th>路径</th><th>说明</th></tr>${rows}</table>
<h2>错误码 (error codes)</h2><table><tr><th>code</th><th>HTTP</th><th>说明</th></tr>${errors}</table></body></html>`;
}
