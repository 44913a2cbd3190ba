import { scoreForm, type Form, type FormScore, type Profile } from '../../domain/index.js';
import { executionTotals } from '../../domain/scoring/score-budget.js';
import type { FormFacts } from '../../store/forms.repository.js';

/** The form's score with the reviewers' ratings applied (ratings are stored apart from the form). */
export function scoreWithRatings(form: Form, profile: Profile, ratings: ReadonlyMap<number, number>): FormScore {
  return scoreForm(form, profile, ratings);
}

/**
 * The listing columns of a form: project, year, department (printed, else the department org's
 * name), total/grade/provisional from the score, budget and execution in exact integer fen.
 */
export function factsOf(form: Form, score: FormScore, departmentName: string): FormFacts {
  const money = executionTotals(form);
  return {
    project: form.project.name,
    year: form.year,
    department: form.project.department ?? departmentName,
    total: score.total,
    grade: score.grade,
    provisional: score.provisional,
    budgetFen: money.budgetFen,
    executedFen: money.executedFen,
  };
}
