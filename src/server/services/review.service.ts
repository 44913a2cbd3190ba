import { centipointsOf, totalAfterDeductions } from '../../domain/index.js';
import { toScoreReport } from '../../domain/report/index.js';
import { canReview } from '../../domain/workflow/index.js';
import { insertEvent } from '../../store/events.repository.js';
import { updateFacts } from '../../store/forms.repository.js';
import { findOrg } from '../../store/orgs.repository.js';
import {
  insertComment,
  insertDeduction,
  listComments,
  listDeductions,
  listRatings,
  setRating,
} from '../../store/reviews.repository.js';
import type { AppContext } from '../context.js';
import { forbidden, validationFailed } from '../errors.js';
import { factsOf, scoreWithRatings } from './form-facts.js';
import { parseStored, ratingsOf, statusOf, visibleForm, type ActingUser } from './forms.service.js';

const notYourTurn = (role: string, status: string) =>
  forbidden(
    '只有在表单等待您审核时才能评论、评分或扣分（主管部门审核“已提交”的表单，财政局审核“主管部门已审核”的表单）。',
    `role ${role} may not review a ${status} form`,
  );

/**
 * The unit's self-evaluation and the reviewers' input side by side: per indicator the printed
 * values and self-scores, the system's score (with ratings), the rating and the comments; form-level
 * comments and deductions; totals before and after deductions.
 */
export async function reviewView(ctx: AppContext, actor: ActingUser, id: string) {
  const db = ctx.store.db;
  const record = await visibleForm(db, actor, id);
  const form = parseStored(record);
  const [comments, ratings, deductions] = await Promise.all([
    listComments(db, id),
    listRatings(db, id),
    listDeductions(db, id),
  ]);
  const score = toScoreReport(
    scoreWithRatings(form, ctx.profile, new Map(ratings.map((r) => [r.indicatorIndex, r.rating]))),
  );
  const deductedCentipoints = deductions.reduce((s, d) => s + centipointsOf(d.points), 0);
  return {
    id,
    status: record.status,
    version: record.version,
    indicators: form.indicators.map((ind, index) => {
      const system = score.indicators.find((i) => i.index === index);
      return {
        index,
        level1: ind.level1,
        level2: ind.level2,
        name: ind.name,
        target: ind.target,
        actual: ind.actual,
        self: { weight: ind.weight ?? null, score: ind.score ?? null, note: ind.note },
        system: system
          ? {
              ratio: system.ratio,
              weight: system.weight,
              score: system.score,
              status: system.status,
              rule: system.rule,
            }
          : null,
        rating: ratings.find((r) => r.indicatorIndex === index) ?? null,
        comments: comments.filter((c) => c.indicatorIndex === index),
      };
    }),
    comments: comments.filter((c) => c.indicatorIndex === null),
    deductions,
    totals: {
      self: form.selfScore?.total ?? null,
      system: score.total,
      deducted: deductedCentipoints / 100,
      reviewed: totalAfterDeductions(score.total, deductedCentipoints),
      grade: score.grade,
      provisional: score.provisional,
    },
  };
}

async function reviewable(ctx: AppContext, actor: ActingUser, id: string) {
  const record = await visibleForm(ctx.store.db, actor, id);
  if (!canReview(actor.role, statusOf(record))) throw notYourTurn(actor.role, record.status);
  return record;
}

function checkIndex(index: number | null, count: number): void {
  if (index !== null && index >= count)
    throw validationFailed([
      {
        path: 'body.indicatorIndex',
        message: `指标序号 ${index} 超出范围（本表共 ${count} 个指标，序号从 0 开始）。`,
        messageEn: `body.indicatorIndex: ${index} out of range (0..${count - 1})`,
      },
    ]);
}

export async function addComment(
  ctx: AppContext,
  actor: ActingUser,
  id: string,
  indicatorIndex: number | null,
  body: string,
) {
  const record = await reviewable(ctx, actor, id);
  checkIndex(indicatorIndex, parseStored(record).indicators.length);
  const at = ctx.now().toISOString();
  return ctx.store.transaction(async (trx) => {
    const commentId = await insertComment(trx, {
      formId: id,
      indicatorIndex,
      body,
      authorId: actor.id,
      formVersion: record.version,
      at,
    });
    await insertEvent(trx, {
      formId: id,
      version: record.version,
      action: 'comment',
      userId: actor.id,
      at,
      detail: { indicatorIndex, body },
    });
    return { id: commentId };
  });
}

/** Set or clear a rating and refresh the listing total; the event keeps the before and after. */
export async function rateIndicator(
  ctx: AppContext,
  actor: ActingUser,
  id: string,
  indicatorIndex: number,
  rating: number | null,
) {
  const record = await reviewable(ctx, actor, id);
  const form = parseStored(record);
  checkIndex(indicatorIndex, form.indicators.length);
  const at = ctx.now().toISOString();
  return ctx.store.transaction(async (trx) => {
    const before = await setRating(trx, { formId: id, indicatorIndex, rating, authorId: actor.id, at });
    const score = scoreWithRatings(form, ctx.profile, await ratingsOf(trx, id));
    const department = await findOrg(trx, record.departmentId);
    await updateFacts(trx, id, factsOf(form, score, department?.name ?? ''));
    await insertEvent(trx, {
      formId: id,
      version: record.version,
      action: 'rating',
      userId: actor.id,
      at,
      detail: { indicatorIndex, before, after: rating },
    });
    return { total: score.total, grade: score.grade, provisional: score.provisional };
  });
}

export async function addDeduction(ctx: AppContext, actor: ActingUser, id: string, points: number, reason: string) {
  const record = await reviewable(ctx, actor, id);
  const at = ctx.now().toISOString();
  return ctx.store.transaction(async (trx) => {
    const deductionId = await insertDeduction(trx, { formId: id, points, reason, authorId: actor.id, at });
    await insertEvent(trx, {
      formId: id,
      version: record.version,
      action: 'deduction',
      userId: actor.id,
      at,
      detail: { points, reason },
    });
    return { id: deductionId };
  });
}
