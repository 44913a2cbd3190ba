import { z } from 'zod';
import { formatPath, toProblem, type Problem } from '../form/validate-form.js';
import { profileConsistency, profileSchema, profileShape, type Profile } from './profile.schema.js';

/**
 * Validates a user's profile (parsed JSON). Every problem is listed, each in Chinese and English,
 * so that a person fixes the file in one pass: shape problems and, where the fields they need are
 * well formed, the cross-field rules too.
 */
export function loadProfile(json: unknown): { ok: true; profile: Profile } | { ok: false; problems: Problem[] } {
  const result = profileSchema.safeParse(json);
  if (result.success) return { ok: true, profile: result.data };
  const problems = result.error.issues.map(toProblem);
  if (!result.error.issues.some((i) => i.code === 'custom')) {
    for (const issue of consistencyOfParts(json)) {
      problems.push({
        path: formatPath(issue.path),
        message: `字段 ${formatPath(issue.path)} 不合要求：${zh(issue.message)}`,
        messageEn: `${formatPath(issue.path)}: ${issue.message}`,
      });
    }
  }
  return { ok: false, problems };
}

// The fields the cross-field rules read, without strictness: other keys may be broken or unknown.
const consistencyParts = z.object(
  profileShape.pick({ budgetPoints: true, categories: true, redistribute: true, qualitativeTiers: true, grades: true })
    .shape,
);

/** Cross-field rules over the fields they read, when those are well formed but the whole is not. */
function consistencyOfParts(json: unknown): ReturnType<typeof profileConsistency> {
  const parts = consistencyParts.safeParse(json);
  return parts.success ? profileConsistency(parts.data) : [];
}

const phrases: readonly (readonly [RegExp, string])[] = [
  [/^budgetPoints plus category points must be 100, got (.+)$/u, '预算执行率分值与各类别分值之和应为 100，现为 $1'],
  [/^unknown category (.+)$/u, '没有名为“$1”的类别'],
  [/^min is above max$/u, '下限高于上限'],
  [/^tiers must touch: expected max (.+)$/u, '各档应首尾相接：此处上限应为 $1'],
  [/^grades must be listed 优, 良, 中, 差$/u, '等级应按 优、良、中、差 的顺序列出'],
  [/^grade minimums must decrease$/u, '等级下限应依次降低'],
];

/** The Chinese wording of a cross-field rule's message. */
function zh(message: string): string {
  for (const [re, text] of phrases) if (re.test(message)) return message.replace(re, text);
  return message;
}
