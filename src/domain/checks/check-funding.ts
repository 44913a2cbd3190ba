import type { Form } from '../form/form.schema.js';
import { fromFen, ratePercent, sumFen, toFen } from '../money.js';
import type { Profile } from '../profiles/profile.schema.js';
import type { FormScore } from '../scoring/score.js';
import type { Finding } from './finding.js';
import { findingsFor, round2 } from './finding-builder.js';

/** The funding table: printed rates, sources against the total, over- and low execution. */
export function checkFunding(form: Form, score: FormScore, profile: Profile): Finding[] {
  const f = findingsFor(form);
  const out: Finding[] = [];
  const unit = form.funding.unit;
  form.funding.lines.forEach((line, i) => {
    const a = toFen(line.budget, unit);
    const b = toFen(line.executed, unit);
    const computed = ratePercent(b, a);
    if (line.rate !== null && computed !== null) {
      // A printed rate is rounded to its own decimals: 96.2 may stand for 96.196…, so allow half its last digit.
      const tolerance = Math.max(0.01, 0.5 * 10 ** -decimals(line.rate)) + 1e-9;
      if (Math.abs(line.rate - computed) > tolerance) {
        out.push(
          f.form(
            'rate-mismatch',
            'error',
            `funding.lines[${i}].rate`,
            `资金行“${line.name}”印的执行率 ${line.rate}% 与 执行数/预算数 = ${round2(computed)}% 不符，请核对预算数、执行数或执行率`,
            `funding line "${line.name}": printed rate ${line.rate}% differs from B/A = ${computed.toFixed(4)}%`,
          ),
        );
      }
    }
    if (a !== null && b !== null && b > a) {
      out.push(
        f.form(
          'over-execution',
          'warning',
          `funding.lines[${i}].executed`,
          `资金行“${line.name}”执行数 ${line.executed} 超过预算数 ${line.budget}，请核对是否超预算支出或填错`,
          `funding line "${line.name}": executed ${line.executed} exceeds budget ${line.budget}`,
        ),
      );
    }
  });

  const [total, ...sources] = form.funding.lines;
  if (total && sources.length > 0) {
    for (const key of ['budget', 'executed'] as const) {
      const parts = sources.map((l) => toFen(l[key], unit));
      const sum = sumFen(parts);
      if (sum === null) continue;
      const printed = toFen(total[key], unit) ?? 0;
      if (Math.abs(sum - printed) > toFen(0.01, unit)!) {
        const label = key === 'budget' ? '预算数' : '执行数';
        out.push(
          f.form(
            'sources-sum-mismatch',
            'error',
            `funding.lines[0].${key}`,
            `各资金来源${label}之和 ${fromFen(sum, unit)}${unit} 与“${total.name}”${label} ${total[key] ?? '空'} 不符，请核对合计行与来源行`,
            `sources' ${key} sum ${fromFen(sum, unit)} differs from total line ${String(total[key])}`,
          ),
        );
      }
    }
  }

  const rate = score.budget.rate;
  if (rate === null) {
    out.push(
      f.form(
        'missing-funding',
        'error',
        'funding.lines[0].budget',
        '没有可用的全年预算数（合计行与来源行均为空或为零），无法计算预算执行率，请填写“年度资金总额”',
        'no usable budget total: execution rate cannot be computed',
      ),
    );
  } else if (rate < profile.lowExecutionBelow) {
    out.push(
      f.form(
        'low-execution',
        'warning',
        'funding.lines[0].executed',
        `预算执行率 ${round2(rate)}% 低于 ${profile.lowExecutionBelow}%，请在说明中写明资金结余原因及改进措施`,
        `execution rate ${rate.toFixed(2)}% is below ${profile.lowExecutionBelow}%`,
      ),
    );
  }
  return out;
}

function decimals(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
