import { formSchema } from '../../src/domain/form/form.schema.js';
import type { ImportResult } from '../../src/io/import/import-result.js';
import { importText } from '../../src/io/import/text/import-text.js';
import { lostFragments } from '../../src/io/import/text/lost-fragments.js';

/**
 * What importText promises on any input (import-text.ts), checked: it does not throw, reports no
 * internal error, its issues are well-formed, every form passes the canonical schema, and nothing
 * printed is lost (lost-fragments.ts). Returns the broken promises, empty when all hold. Shared by
 * the property tests and the example tests their counterexamples became. Test support, not import
 * code.
 */
export function brokenPromises(text: string, file: string): string[] {
  let result: ImportResult;
  try {
    result = importText(text, file);
  } catch (error) {
    return [`threw ${String(error)}`];
  }
  const problems = result.issues.filter((i) => i.code === 'internal-error').map((i) => `internal: ${i.message}`);
  result.forms.forEach((form, k) => {
    const parsed = formSchema.safeParse(form);
    if (!parsed.success) problems.push(`form ${k}: ${JSON.stringify(parsed.error.issues)}`);
  });
  // Every issue says what happened in Chinese, under a stable kebab-case code.
  for (const i of result.issues)
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(i.code) || !/\p{Script=Han}/u.test(i.message) || i.file !== file)
      problems.push(`issue ${i.code}: ${i.message}`);
  for (const lost of lostFragments(text, result)) problems.push(`lost: ${lost}`);
  return problems;
}
