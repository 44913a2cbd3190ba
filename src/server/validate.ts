import type { z } from 'zod';
import { toProblem } from '../domain/form/validate-form.js';
import { validationFailed } from './errors.js';

/**
 * Parse a request part (body, query, params) with a zod schema. Every problem is listed in one 400
 * (Chinese + English per problem, path prefixed with where it was: `body.form.year`, `query.page`).
 */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((issue) => {
      const p = toProblem(issue);
      const path = p.path === '' ? where : `${where}.${p.path}`;
      return {
        path,
        message: p.message.replace(/^(字段 |整个输入)/, (m) => (m === '整个输入' ? `${where} ` : `字段 ${where}.`)),
        messageEn: `${path}: ${issue.message}`,
      };
    }),
  );
}
