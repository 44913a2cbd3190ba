import type { Form } from '../form/form.schema.js';
import type { FormScore } from '../scoring/score.js';
import type { Finding } from './finding.js';
import { findingsFor, round2 } from './finding-builder.js';

// The template's own prompt for 说明, left in place by units that had nothing to say.
const remarksPrompt = /请在此处|简要说明|如没有请填|如无请填|填写说明/u;

/** Form-level fields: categories present, 说明, 填表人, period, printed self-score. */
export function checkFormFields(form: Form, score: FormScore): Finding[] {
  const f = findingsFor(form);
  const out: Finding[] = [];

  const level1s = form.indicators.map((i) => i.level1);
  const families: readonly (readonly [string, RegExp])[] = [
    ['产出', /产出|成本/u],
    ['效益', /效益|效果/u],
    ['满意度', /满意/u],
  ];
  for (const [label, pattern] of families) {
    if (!level1s.some((l) => pattern.test(l))) {
      out.push(
        f.form(
          'missing-category',
          'warning',
          'indicators',
          `没有${label}指标，请按财预〔2020〕10号补充${label}指标`,
          `no ${label} indicator`,
        ),
      );
    }
  }

  const remarks = form.remarks?.trim() ?? '';
  if (remarks === '' || remarksPrompt.test(remarks)) {
    out.push(
      f.form(
        'remarks-template',
        'warning',
        'remarks',
        remarks === ''
          ? '“说明”为空；如没有巡视、审计和财政监督发现的问题，请填“无”'
          : '“说明”仍是模板提示语；请写明巡视、审计和财政监督发现的问题及金额，如没有请填“无”',
        remarks === '' ? 'remarks are blank' : 'remarks still hold the template prompt',
      ),
    );
  }

  if (!form.preparer.name?.trim() || !form.preparer.phone?.trim()) {
    out.push(
      f.form(
        'missing-preparer',
        'warning',
        form.preparer.name?.trim() ? 'preparer.phone' : 'preparer.name',
        '填表人或联系电话为空，请补充，便于审核联系',
        'preparer name or phone is blank',
      ),
    );
  }

  const period = form.project.period;
  if (period && period.start > period.end) {
    out.push(
      f.form(
        'period-reversed',
        'error',
        'project.period',
        `项目起止时间颠倒（${period.start} 晚于 ${period.end}），请更正`,
        'project period starts after it ends',
      ),
    );
  }

  const self = form.selfScore?.total;
  if (self != null && Math.abs(self - score.total) >= 1) {
    out.push(
      f.form(
        'self-score-differs',
        'info',
        'selfScore.total',
        `表内自评总分 ${self} 与按规则计算的 ${round2(score.total)} 相差 ${round2(Math.abs(self - score.total))} 分，请核对各项得分`,
        `printed self-score ${self} differs from computed ${score.total.toFixed(2)}`,
      ),
    );
  }
  form.indicators.forEach((ind, i) => {
    if (ind.weight != null && ind.score != null && ind.score > ind.weight + 1e-9) {
      out.push(
        f.indicator(
          'score-above-weight',
          'error',
          i,
          'score',
          `得分 ${ind.score} 高于分值 ${ind.weight}，请更正`,
          `printed score ${ind.score} exceeds weight ${ind.weight}`,
        ),
      );
    }
  });
  return out;
}
