import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Domain from '../src/domain/index.js';
import type { Form } from '../src/domain/index.js';
import { buildCli, buildDir } from './build.js';
import { baseForms, formVariants } from './form-pool.js';
import { fmt, perSecond, report } from './measure.js';

/**
 * Scoring + checks over `total` forms, against JSON.parse of the same NDJSON lines in the same run.
 * Lines are parsed and scored in batches so the heap holds one batch, not 100,000 forms.
 */
export async function benchScore(total = 100_000): Promise<void> {
  // Measure the compiled domain, as the CLI and the server run it (tsx adds per-function wrappers).
  buildCli();
  const domain = (await import(pathToFileURL(join(buildDir, 'domain/index.js')).href)) as typeof Domain;
  const { builtinProfiles, checkForm, defaultProfileName, scoreForm, validateForm } = domain;
  const profile = builtinProfiles[defaultProfileName]!;
  const base = baseForms();
  const lines = formVariants(base, 1200).map((f) => JSON.stringify(f));
  const bytesPerPass = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
  // Warm up the JIT on every variant once.
  for (const l of lines) {
    const f = JSON.parse(l) as Form;
    checkForm(f, scoreForm(f, profile), profile);
  }
  let parseNs = 0n;
  let validateNs = 0n;
  let scoreNs = 0n;
  let checkNs = 0n;
  let done = 0;
  let bytes = 0;
  while (done < total) {
    const t0 = process.hrtime.bigint();
    const parsed = lines.map((l) => JSON.parse(l) as unknown);
    const t1 = process.hrtime.bigint();
    const forms = parsed.map((v) => {
      const r = validateForm(v);
      if (!r.ok) throw new Error('variant does not validate');
      return r.form;
    });
    const t2 = process.hrtime.bigint();
    const scores = forms.map((f) => scoreForm(f, profile));
    const t3 = process.hrtime.bigint();
    forms.forEach((f, i) => checkForm(f, scores[i]!, profile));
    const t4 = process.hrtime.bigint();
    parseNs += t1 - t0;
    validateNs += t2 - t1;
    scoreNs += t3 - t2;
    checkNs += t4 - t3;
    done += lines.length;
    bytes += bytesPerPass;
  }
  const ms = (ns: bigint): number => Number(ns) / 1e6;
  const work = ms(scoreNs) + ms(checkNs);
  console.log(
    `# score: ${done} forms (${base.length} base forms: 6 seed + ${base.length - 6} recovered from fixtures/real), ${fmt(bytes / done / 1024)} KB/form`,
  );
  report('JSON.parse', { 'forms/s': perSecond(done, ms(parseNs)), ms: ms(parseNs) });
  report('validateForm (zod)', { 'forms/s': perSecond(done, ms(validateNs)), ms: ms(validateNs) });
  report('scoreForm', { 'forms/s': perSecond(done, ms(scoreNs)), ms: ms(scoreNs) });
  report('checkForm', { 'forms/s': perSecond(done, ms(checkNs)), ms: ms(checkNs) });
  report('score + check', { 'forms/s': perSecond(done, work), 'ratio to JSON.parse': work / ms(parseNs) });
  report('validate + score + check', {
    'forms/s': perSecond(done, work + ms(validateNs)),
    'ratio to JSON.parse': (work + ms(validateNs)) / ms(parseNs),
  });
}
