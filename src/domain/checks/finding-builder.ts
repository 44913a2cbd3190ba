import type { Form } from '../form/form.schema.js';
import type { Finding, Severity } from './finding.js';

/** Builds findings for one form, so that each check states only what differs. */
export function findingsFor(form: Form) {
  const project = form.project.name;
  return {
    form(code: string, severity: Severity, field: string | null, message: string, messageEn: string): Finding {
      return { code, severity, project, indicator: null, indicatorIndex: null, field, message, messageEn };
    },
    indicator(
      code: string,
      severity: Severity,
      index: number,
      field: string | null,
      message: string,
      messageEn: string,
    ): Finding {
      const name = form.indicators[index]?.name ?? null;
      return {
        code,
        severity,
        project,
        indicator: name,
        indicatorIndex: index,
        field: field === null ? `indicators[${index}]` : `indicators[${index}].${field}`,
        message: `指标“${name ?? ''}”：${message}`,
        messageEn: `indicator "${name ?? ''}": ${messageEn}`,
      };
    },
  };
}

/** A 未完成原因 that says something: blank, 无, / and the like give no reason. */
export function hasReason(note: string | null): boolean {
  if (note === null) return false;
  const t = note.normalize('NFKC').replace(/\s+/gu, '');
  return t !== '' && !/^(?:无|没有|暂无|[/\\—–\-_.…]+|不适用|已完成|已达成|完成)$/u.test(t);
}

export function round2(n: number): string {
  return (Math.round((n + Number.EPSILON) * 100) / 100).toFixed(2);
}
