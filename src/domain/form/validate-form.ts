import type { z } from 'zod';
import { formSchema, type Form } from './form.schema.js';

/** One thing wrong with an input, with where it is. */
export interface Problem {
  /** Path into the input, `indicators[3].target`; empty for the whole input. */
  readonly path: string;
  /** Chinese, for people. */
  readonly message: string;
  /** English, for logs. */
  readonly messageEn: string;
}

/** Checks that a parsed JSON value is a canonical form; lists every problem, not just the first. */
export function validateForm(json: unknown): { ok: true; form: Form } | { ok: false; problems: Problem[] } {
  const result = formSchema.safeParse(json);
  if (result.success) return { ok: true, form: result.data };
  return { ok: false, problems: result.error.issues.map(toProblem) };
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? String(k) : `${s}.${String(k)}`),
    '',
  );
}

/** zod issue → a bilingual problem. The Chinese says what the field must hold. */
export function toProblem(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  const where = path === '' ? '整个输入' : `字段 ${path}`;
  let zh: string;
  switch (issue.code) {
    case 'invalid_type':
      zh = `${where} 类型不对：应为 ${typeName(issue.expected)}`;
      break;
    case 'unrecognized_keys':
      zh = `${where} 含有不认识的字段：${issue.keys.join('、')}（请删除或放入 extras）`;
      break;
    case 'too_small':
      zh = `${where} 太小或太短（最少 ${String(issue.minimum)}）`;
      break;
    case 'too_big':
      zh = `${where} 太大或太长（最多 ${String(issue.maximum)}）`;
      break;
    case 'invalid_value':
      zh = `${where} 取值不对：应为 ${issue.values.map(String).join(' / ')}`;
      break;
    case 'invalid_format':
      zh = `${where} 格式不对：应为 ${issue.format === 'date' ? 'YYYY-MM-DD 日期' : issue.format}`;
      break;
    default:
      zh = `${where} 不合要求：${issue.message}`;
  }
  return { path, message: zh, messageEn: `${path || '(root)'}: ${issue.message}` };
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: '文本',
    number: '数字',
    int: '整数',
    boolean: '是/否',
    object: '对象',
    array: '数组',
    null: '空值',
  };
  return names[t] ?? t;
}
