import { validateForm } from '../../domain/form/validate-form.js';
import type { Form } from '../../domain/form/form.schema.js';
import type { ImportIssue, ImportResult } from './import-result.js';
import { parseJson } from './parse-json.js';

/** Where a JSON position is, for people and logs: `第 3 行 第 14 列 (line 3, column 14)`. */
export function jsonLocation(line: number, column: number): string {
  return `第 ${line} 行 第 ${column} 列 (line ${line}, column ${column})`;
}

/**
 * Validate one parsed value as a canonical form. Every schema problem becomes an error issue with
 * its path; `location` says where the value sits in the file (an NDJSON line), or null.
 */
export function checkFormValue(
  value: unknown,
  file: string,
  index: number,
  location: string | null,
): { ok: true; form: Form } | { ok: false; issues: ImportIssue[] } {
  const result = validateForm(value);
  if (result.ok) return { ok: true, form: result.form };
  return {
    ok: false,
    issues: result.problems.map((p) => ({
      file,
      code: 'invalid-form',
      severity: 'error' as const,
      message: `第 ${index + 1} 张表不符合表单格式：${p.path || '（根）'} ${p.message}（${p.messageEn}）`,
      location,
      raw: null,
      form: index,
      path: p.path,
    })),
  };
}

/** A JSON syntax error as an issue. */
function syntaxIssue(file: string, line: number, column: number, reason: string, raw: string | null): ImportIssue {
  return {
    file,
    code: 'json-syntax',
    severity: 'error',
    message: `JSON 语法错误，位于${jsonLocation(line, column)}：${reason}。请修正该位置后重试。`,
    location: jsonLocation(line, column),
    raw,
  };
}

/**
 * Canonical JSON (one form or an array of forms) or NDJSON (one form per line; blank lines skipped)
 * → forms. Never throws: syntax errors and invalid forms become error issues, valid forms are kept.
 */
export function importJsonText(text: string, file: string, format: 'json' | 'ndjson'): ImportResult {
  const forms: Form[] = [];
  const issues: ImportIssue[] = [];
  // Forms are numbered in file order, the invalid ones included, so `form` in an issue matches the input.
  let countInvalid = 0;
  const take = (value: unknown, location: string | null): void => {
    const checked = checkFormValue(value, file, forms.length + countInvalid, location);
    if (checked.ok) forms.push(checked.form);
    else {
      issues.push(...checked.issues);
      countInvalid += 1;
    }
  };
  if (format === 'json') {
    const parsed = parseJson(text);
    if (!parsed.ok) return { forms, issues: [syntaxIssue(file, parsed.line, parsed.column, parsed.reason, null)] };
    const values = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    values.forEach((v, i) => take(v, Array.isArray(parsed.value) ? `第 ${i + 1} 项 (item ${i + 1})` : null));
    return { forms, issues };
  }
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const parsed = parseJson(line);
    if (!parsed.ok) {
      issues.push(syntaxIssue(file, i + 1, parsed.column + raw.indexOf(line), parsed.reason, line.slice(0, 200)));
      countInvalid += 1;
      return;
    }
    take(parsed.value, `第 ${i + 1} 行 (line ${i + 1})`);
  });
  return { forms, issues };
}
