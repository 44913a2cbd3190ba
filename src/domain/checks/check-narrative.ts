import type { Form } from '../form/form.schema.js';
import { comparable } from '../scoring/completion-ratio.js';
import type { FormScore } from '../scoring/score.js';
import { formatQuantity } from '../values/format-value.js';
import { parseValue } from '../values/parse-value.js';
import type { Quantity } from '../values/value.js';
import type { Finding } from './finding.js';
import { findingsFor } from './finding-builder.js';
import { indicatorKey } from './indicator-key.js';
import { memoizeString } from '../memo.js';

// Words every indicator name has; they say nothing about *what* is measured.
const generic = /数量|次数|人数|件数|个数|的|率|度|情况|指标|完成|开展|组织|年度|全年/gu;
// Share of the name's telling characters that a clause must contain to speak of the same thing.
const sameSubject = 0.8;
// Relative difference above which two figures for one thing disagree.
const tolerance = 0.01;

/**
 * `narrative-mismatch`: the 全年实际完成情况 text states a figure for what an indicator measures
 * (`帮助挽回经济损失约3937.05万元`) and the indicator's actual says otherwise (`3790.19万`).
 */
export function checkNarrative(form: Form, score: FormScore): Finding[] {
  const text = form.objectives.actual;
  if (!text) return [];
  const clauses = narrativeClauses(text);
  if (clauses.length === 0) return [];
  const f = findingsFor(form);
  const out: Finding[] = [];
  for (const s of score.indicators) {
    if (s.status !== 'scored' || s.actual.kind !== 'number') continue;
    const actual = s.actual.quantity;
    const telling = tellingChars(s.name);
    if (telling.length < 3) continue;
    for (const { clause, value } of clauses) {
      if (value.kind !== 'text-numbers') continue;
      const hits = telling.filter((ch) => clause.includes(ch)).length;
      if (hits / telling.length < sameSubject) continue;
      const stated = value.quantities.find((q) => q.unit !== null && sameFamily(actual, q));
      if (!stated) continue;
      const pair = comparable(actual, stated);
      if (pair === null) continue;
      const [a, b] = pair;
      if (Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b))) continue;
      out.push(
        f.indicator(
          'narrative-mismatch',
          'warning',
          s.index,
          'actual',
          `全年实际完成情况写“${clause}”（${formatQuantity(stated)}），与完成值“${s.actual.raw}”不一致，请核对哪个正确`,
          `narrative states ${formatQuantity(stated)} ("${clause}") but the actual is "${s.actual.raw}"`,
        ),
      );
      break;
    }
  }
  return out;
}

/** The clauses of a narrative that state figures; most narratives state none. */
const narrativeClauses = memoizeString((text: string) =>
  text
    .split(/[，,。；;：:！!？?\n]/u)
    .map((c) => ({ clause: c.trim(), value: parseValue(c) }))
    .filter((c) => c.value.kind === 'text-numbers'),
);

/** The distinct characters of a name that say what it measures. */
const tellingChars = memoizeString((name: string) => [...new Set(indicatorKey(name).replace(generic, ''))]);

/** `万` and `万元` both speak of money here; a bare number in the narrative proves nothing. */
function sameFamily(actual: Quantity, stated: Quantity): boolean {
  if (actual.unit === stated.unit) return true;
  if (actual.family === 'none')
    return actual.scale !== 1 ? stated.scale === actual.scale || stated.family === 'money' : true;
  return actual.family === stated.family;
}
