import { useMemo } from 'react';
import { checkForm, scoreForm, type Finding, type Form, type FormScore, type Profile } from '../lib/core';

export interface Evaluation {
  readonly score: FormScore;
  readonly findings: readonly Finding[];
  /** Findings per indicator index (row), in the checker's order. */
  readonly byIndicator: ReadonlyMap<number, readonly Finding[]>;
  /** Findings about the funding table. */
  readonly funding: readonly Finding[];
  /** Findings about everything else: header, objectives, remarks, preparer, whole form. */
  readonly other: readonly Finding[];
}

/**
 * Scores and checks the form with the pure core on every change (a few milliseconds for 80
 * indicators), so that the total, the grade and every finding follow the typing at once.
 * `ratings` are the reviewers' r per indicator index.
 */
export function evaluate(form: Form, profile: Profile, ratings: ReadonlyMap<number, number>): Evaluation {
  const score = scoreForm(form, profile, ratings);
  const findings = checkForm(form, score, profile);
  const byIndicator = new Map<number, Finding[]>();
  const funding: Finding[] = [];
  const other: Finding[] = [];
  for (const f of findings) {
    if (f.indicatorIndex !== null) {
      const list = byIndicator.get(f.indicatorIndex) ?? [];
      list.push(f);
      byIndicator.set(f.indicatorIndex, list);
    } else if (f.field?.startsWith('funding')) funding.push(f);
    else other.push(f);
  }
  return { score, findings, byIndicator, funding, other };
}

export function useEvaluation(form: Form, profile: Profile, ratings: ReadonlyMap<number, number>): Evaluation {
  return useMemo(() => evaluate(form, profile, ratings), [form, profile, ratings]);
}

/** Errors first, then warnings, then notes. */
export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity] += 1;
  return c;
}
