import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../domain/form/validate-form.js';

/**
 * The closed set of API error codes, each with its HTTP status and the message shown to people
 * (Chinese) and logs/clients (English). Bodies: `{ error: { code, message, messageEn, problems?, … } }`.
 */
export const errorTable = {
  'validation-failed': {
    status: 400,
    zh: '请求内容不合要求，请按所列问题修改后重试。',
    en: 'request validation failed',
  },
  unauthenticated: { status: 401, zh: '请先登录。', en: 'authentication required' },
  'bad-credentials': { status: 401, zh: '用户名或密码不正确。', en: 'wrong user name or password' },
  'csrf-failed': {
    status: 403,
    zh: '请求缺少有效的 x-csrf-token（请刷新页面后重试）。',
    en: 'missing or wrong x-csrf-token header',
  },
  forbidden: { status: 403, zh: '您的角色无权执行此操作。', en: 'not allowed for this role or status' },
  'not-found': { status: 404, zh: '找不到该资源，或您无权查看。', en: 'not found' },
  'version-conflict': {
    status: 409,
    zh: '表单已被他人修改。请重新打开表单，在最新版本上再修改。',
    en: 'stale version: the form changed since it was read',
  },
  'invalid-transition': {
    status: 409,
    zh: '表单当前状态不能进行此流转。',
    en: 'transition not allowed from this status',
  },
  'payload-too-large': { status: 413, zh: '上传的内容过大。请拆分后再上传。', en: 'payload too large' },
  'unsupported-media-type': { status: 415, zh: '请求的内容类型不受支持。', en: 'unsupported content type' },
  'import-failed': {
    status: 422,
    zh: '导入失败：有文件无法读取出表单，本批次没有导入任何表单。请按问题列表修改后整批重新导入。',
    en: 'import failed: nothing was imported',
  },
  'rate-limited': { status: 429, zh: '尝试次数过多，请稍后再试。', en: 'too many requests' },
  'export-unavailable': {
    status: 503,
    zh: '此格式暂时无法导出（服务器缺少所需组件，如 PDF 需要 Chromium）。请改用其他格式或联系管理员。',
    en: 'export format unavailable on this server',
  },
  internal: { status: 500, zh: '服务器内部错误，请稍后重试或联系管理员。', en: 'internal server error' },
  'not-ready': { status: 503, zh: '服务尚未就绪。', en: 'service not ready' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorTable;

/** An error the API reports as-is: a code from the table, optional specific messages and details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly zh: string = errorTable[code].zh,
    readonly en: string = errorTable[code].en,
    /** Extra fields of the error body: `problems`, `current`, `issues`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(en);
    this.name = 'AppError';
  }
}

export const notFound = (): AppError => new AppError('not-found');
export const forbidden = (zh?: string, en?: string): AppError => new AppError('forbidden', zh, en);
export const validationFailed = (problems: readonly Problem[]): AppError =>
  new AppError('validation-failed', undefined, undefined, { problems });

export function errorBody(e: AppError): { error: Record<string, unknown> } {
  return { error: { code: e.code, message: e.zh, messageEn: e.en, ...e.details } };
}

/** Fastify and plugin errors → our codes. Anything unknown is internal (logged, never echoed). */
function fromFastify(e: FastifyError): AppError | null {
  const code = e.code;
  if (
    code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
    code === 'FST_REQ_FILE_TOO_LARGE' ||
    code === 'FST_FILES_LIMIT' ||
    code === 'FST_PARTS_LIMIT' ||
    code === 'FST_FIELDS_LIMIT'
  )
    return new AppError('payload-too-large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return new AppError('unsupported-media-type');
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e instanceof SyntaxError)
    return validationFailed([{ path: '', message: '请求体不是合法的 JSON。', messageEn: 'body is not valid JSON' }]);
  if (e.statusCode === 429) return new AppError('rate-limited');
  if (e.statusCode === 413) return new AppError('payload-too-large');
  if (e.statusCode === 415) return new AppError('unsupported-media-type');
  if (e.statusCode === 404) return notFound();
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500)
    return validationFailed([{ path: '', message: '请求不合要求。', messageEn: e.message }]);
  return null;
}

/** The one error handler: known errors as their code, everything else 500 without internals. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const known = error instanceof AppError ? error : fromFastify(error as FastifyError);
  if (known) {
    request.log.info({ code: known.code, detail: known.en }, 'request refused');
    void reply.status(errorTable[known.code].status).send(errorBody(known));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send(errorBody(new AppError('internal')));
}
