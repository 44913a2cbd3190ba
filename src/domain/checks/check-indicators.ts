import type { Form } from '../form/form.schema.js';
import type { Profile } from '../profiles/profile.schema.js';
import type { FormScore, IndicatorScore } from '../scoring/score.js';
import { formatValue } from '../values/format-value.js';
import type { Finding } from './finding.js';
import { findingsFor, hasReason } from './finding-builder.js';
import { indicatorKey } from './indicator-key.js';
import { memoizeString } from '../memo.js';

/** Per-indicator findings, from what the scorer read and noticed (scoring.md §4). */
export function checkIndicators(form: Form, score: FormScore, profile: Profile): Finding[] {
  const f = findingsFor(form);
  const out: Finding[] = [];
  const topTier = profile.qualitativeTiers[0]?.min ?? 80;
  const seen = new Map<string, number>();

  for (const s of score.indicators) {
    const ind = form.indicators[s.index];
    if (!ind) continue;
    const i = s.index;
    const has = (flag: IndicatorScore['flags'][number]) => s.flags.includes(flag);

    const key = indicatorKey(ind.name);
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(
        f.indicator(
          'duplicate-indicator',
          'warning',
          i,
          'name',
          `与第 ${first + 1} 个指标重名，请合并或改名`,
          `same name as indicator #${first + 1}`,
        ),
      );
    } else seen.set(key, i);

    if (isPlaceholder(ind.name)) {
      out.push(
        f.indicator(
          'placeholder-text',
          'warning',
          i,
          'name',
          '指标名称仍是模板占位内容（★、** 或“指标N”），请填写实际指标',
          'indicator name is template placeholder text',
        ),
      );
    }
    if (s.category === '') {
      out.push(
        f.indicator(
          'unknown-category',
          'warning',
          i,
          'level1',
          `一级指标“${ind.level1}”不属于评分规则“${profile.title}”的任何类别，未计分；请改为产出、效益或满意度指标`,
          `level-1 "${ind.level1}" matches no category of profile ${profile.name}; not scored`,
        ),
      );
    }
    if (s.status === 'not-applicable') {
      out.push(
        f.indicator(
          'not-applicable',
          'info',
          i,
          'target',
          '年度指标值为空或“/”，该指标不参与计分',
          'target is blank or not applicable; excluded from scoring',
        ),
      );
      continue;
    }
    if (has('unparsed-target')) {
      out.push(
        f.indicator(
          'unparsed-value',
          'error',
          i,
          'target',
          `无法识别年度指标值“${ind.target ?? ''}”，请写成“≥95%”“100人”“效果显著”等形式`,
          `cannot read target "${ind.target ?? ''}"`,
        ),
      );
    }
    if (has('unparsed-actual')) {
      out.push(
        f.indicator(
          'unparsed-value',
          'error',
          i,
          'actual',
          `无法识别全年完成值“${ind.actual ?? ''}”，请填写与目标同单位的数值或完成比例`,
          `cannot read actual "${ind.actual ?? ''}"`,
        ),
      );
    }
    if (has('missing-actual')) {
      out.push(
        f.indicator('missing-actual', 'error', i, 'actual', '全年完成值为空，请填写实际完成情况', 'actual is blank'),
      );
    }
    if (has('value-typo')) {
      out.push(
        f.indicator(
          'value-typo',
          'warning',
          i,
          'actual',
          `完成值“${ind.actual ?? ''}”按 ${formatValue(s.actual)} 理解（& 应为 %），请更正`,
          `read "${ind.actual ?? ''}" as ${formatValue(s.actual)}: & taken for %`,
        ),
      );
    }
    if (has('actual-as-bound')) {
      out.push(
        f.indicator(
          'actual-as-bound',
          'warning',
          i,
          'actual',
          `完成值“${ind.actual ?? ''}”写成了区间，已按其中的数值计算；请填写实际达到的数值`,
          `actual "${ind.actual ?? ''}" is written as a bound; its number was used`,
        ),
      );
    }
    if (has('share-for-non-percent')) {
      out.push(
        f.indicator(
          'share-for-non-percent',
          'info',
          i,
          'actual',
          `目标“${ind.target ?? ''}”不是百分比，完成值“${ind.actual ?? ''}”按达标比例计算`,
          `percent actual "${ind.actual ?? ''}" read as the share meeting target "${ind.target ?? ''}"`,
        ),
      );
    }
    if (has('unit-mismatch')) {
      out.push(
        f.indicator(
          'unit-mismatch',
          'warning',
          i,
          'actual',
          `目标“${ind.target ?? ''}”与完成值“${ind.actual ?? ''}”单位不可比，请统一单位`,
          `target "${ind.target ?? ''}" and actual "${ind.actual ?? ''}" have units of different families`,
        ),
      );
    }
    if (has('compound-mismatch')) {
      out.push(
        f.indicator(
          'compound-mismatch',
          'warning',
          i,
          'actual',
          '目标有多个分项，完成值的分项数与之不同，请逐项对应填写（用“；”分隔）',
          'compound target and actual have different part counts',
        ),
      );
    }
    if (has('percent-out-of-range') || percentOutOfRange(ind.name, ind.level2, s)) {
      out.push(
        f.indicator(
          'percent-out-of-range',
          'error',
          i,
          'actual',
          `完成比例“${ind.actual ?? ''}”超出 0–100% 的范围，请核对`,
          `percent "${ind.actual ?? ''}" outside 0–100 where a share is meant`,
        ),
      );
    }
    if (has('target-too-low')) {
      const times = s.achieved === null ? '' : `（完成值为目标的 ${(s.achieved * 100).toFixed(0)}%）`;
      out.push(
        f.indicator(
          'target-too-low',
          'warning',
          i,
          'target',
          `超额完成${times}，目标可能设得偏低，请在下年度合理调高目标`,
          `over-achieved (B/A = ${s.achieved?.toFixed(2) ?? '?'}): target may be too low`,
        ),
      );
    }
    if (has('qualitative-assumed')) {
      out.push(
        f.indicator(
          'qualitative-assumed',
          'info',
          i,
          'actual',
          `完成情况“${ind.actual ?? ''}”按文字计为 ${s.qualitativePercent ?? ''}%，建议填写具体完成比例`,
          `qualitative ratio read from words "${ind.actual ?? ''}"`,
        ),
      );
    }
    if (has('date-late')) {
      out.push(
        f.indicator(
          'date-late',
          'warning',
          i,
          'actual',
          `完成时间“${ind.actual ?? ''}”晚于目标“${ind.target ?? ''}”，请说明原因`,
          'completed later than the target date',
        ),
      );
    }
    if (s.status === 'needs-rating') {
      out.push(
        f.indicator(
          'needs-rating',
          'warning',
          i,
          null,
          `${s.explanation}；总分暂定，待评审人员评分`,
          `needs a reviewer's rating: ${s.explanation}`,
        ),
      );
      continue;
    }
    const met = s.qualitativePercent !== null ? s.qualitativePercent >= topTier : (s.ratio ?? 0) >= 1 - 1e-12;
    const reason = hasReason(ind.note);
    if (!met && !reason) {
      out.push(
        f.indicator(
          'unmet-without-reason',
          'warning',
          i,
          'note',
          '未完成目标，但未填写未完成原因和改进措施，请补充',
          'target not met and no reason given',
        ),
      );
    }
    if (met && reason) {
      out.push(
        f.indicator(
          'reason-but-met',
          'info',
          i,
          'note',
          '指标已完成，却填写了未完成原因，请核对是否填错行或删除',
          'a reason is given but the target was met',
        ),
      );
    }
  }
  return out;
}

/** Template placeholders left as a name: ★ markers, `(≥**人)`, `指标2:`, `……`. */
const isPlaceholder = memoizeString((name: string) =>
  /[★☆*＊]|[(（]\s*[≥≤]?\s*\*+|^指标\s*\d+\s*[:：]?$|^[…．.]+$/u.test(name),
);

/** 满意度 and 率 indicators hold shares: a percent above 100 or below 0 there is a typo. */
function percentOutOfRange(name: string, level2: string, s: IndicatorScore): boolean {
  if (s.actual.kind !== 'number' || s.actual.quantity.family !== 'percent') return false;
  if (!/满意|率$|比例|比重|占比/u.test(name) && !/满意/u.test(level2)) return false;
  if (s.flags.includes('percent-out-of-range')) return false;
  const n = s.actual.quantity.number;
  return n < 0 || n > 100;
}
