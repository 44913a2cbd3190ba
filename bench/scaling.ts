/**
 * Does the importers' work grow linearly with their input? Each case builds one input at 1×, 4× and
 * 16× a base size (more forms, more indicator rows in one form, longer lines, more grid rows) and
 * prints the CPU time of the import (user + system of this process, best of 3) and the ratio per
 * 4× step: about 4 is linear, about 16 quadratic (so about 16 and 256 over the whole 16×; the first
 * step often reads high, as the JIT is still warming on the small input). CPU time, not wall time: the machine is shared.
 * A measurement to read, not a test: nothing is asserted.
 *
 *   node --import tsx bench/scaling.ts [case...]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'parse5';
import { readSeedForms, seedLayoutOptions } from '../scripts/fixtures/seed-forms.js';
import type { Form, Indicator } from '../src/domain/form/form.schema.js';
import { layoutForm } from '../src/io/export/layout/official-layout.js';
import { gridToForms } from '../src/io/import/grid/grid-to-forms.js';
import { htmlToGrid } from '../src/io/import/html/html-to-grid.js';
import { HOST_SHAPES } from '../src/io/import/text/host-shapes.js';
import { importText } from '../src/io/import/text/import-text.js';
import { printedRows } from '../src/io/import/text/printed-rows.js';
import { familyPage, longA024 } from '../test/support/family-tables.js';
import { fmt } from './measure.js';

const seed = readSeedForms();

/** The seed's first form with its indicators repeated to `count`, each named apart. */
function withIndicators(count: number): Form {
  const base = seed[0];
  if (base === undefined) throw new Error('no seed form');
  const indicators: Indicator[] = Array.from({ length: count }, (_, i) => {
    const source = base.indicators[i % base.indicators.length] ?? base.indicators[0];
    if (source === undefined) throw new Error('no indicator');
    return { ...source, name: `${source.name}（第${i + 1}项）` };
  });
  return { ...base, indicators };
}

/** The forms served by a host shape as text. */
const shaped = (shape: string, forms: readonly Form[]): string => {
  const serve = HOST_SHAPES[shape];
  if (serve === undefined) throw new Error(`no shape ${shape}`);
  return serve(forms.map((f, i) => printedRows(layoutForm(f, seedLayoutOptions(i % seed.length)))));
};

const repeatForms = (n: number): Form[] => Array.from({ length: n }, (_, i) => seed[i % seed.length] as Form);

interface Case {
  readonly what: string;
  readonly sizes: readonly number[];
  /** The input of size n, and the import to time on it. */
  readonly build: (n: number) => () => unknown;
}

const text = (make: (n: number) => string) => (n: number) => {
  const input = make(n);
  return () => importText(input, 'scaling.txt');
};

const CASES: Readonly<Record<string, Case>> = {
  'text-forms': {
    what: 'seed forms, pipe rows',
    sizes: [12, 48, 192],
    build: text((n) => shaped('pipe-rows', repeatForms(n))),
  },
  'text-rows-pipe': {
    what: 'indicators in one form, pipe rows',
    sizes: [100, 400, 1600],
    build: text((n) => shaped('pipe-rows', [withIndicators(n)])),
  },
  'text-rows-cell-per-line': {
    what: 'indicators in one form, one cell per line',
    sizes: [100, 400, 1600],
    build: text((n) => shaped('cell-per-line', [withIndicators(n)])),
  },
  'text-rows-whitespace': {
    what: 'indicators in one form, cells apart by spaces',
    sizes: [100, 400, 1600],
    build: text((n) => shaped('whitespace-rows', [withIndicators(n)])),
  },
  'text-rows-glued': {
    what: 'indicators in one form, cells glued',
    sizes: [100, 400, 1600],
    build: text((n) => shaped('glued', [withIndicators(n)])),
  },
  'text-one-line': {
    what: 'indicators in one form, all on one line',
    sizes: [100, 400, 1600],
    build: text((n) => shaped('one-line', [withIndicators(n)])),
  },
  'text-laid-out': {
    what: 'seed as pdftotext -layout prints it, repeated',
    sizes: [1, 4, 16],
    build: text((n) => readFileSync('fixtures/text/poppler/seed-libreoffice.layout.txt', 'utf8').repeat(n)),
  },
  'text-notes': {
    what: 'hostile: 备注 lines without a note phrase (was quadratic: 8,000 lines 5.4 s)',
    sizes: [2000, 8000, 32000],
    build: text((n) => `自评表(2021)\n项目名称 甲\n${'备注：1.说明\n'.repeat(n)}`),
  },
  'grid-spans': {
    what: 'hostile: cells each rowspan=1000 colspan=1000 (was quadratic: 100 cells 3.4 s, 490 MB)',
    sizes: [25, 100, 400],
    build: (n) => {
      const rows = Array.from(
        { length: n },
        (_, i) => `<tr><td rowspan="1000" colspan="1000">项目名称${i}</td><td>x</td></tr>`,
      );
      const grid = htmlToGrid(parse(`<html><body><table>${rows.join('')}</table></body></html>`), 'scaling.html').grid;
      return () => gridToForms(grid);
    },
  },
  'grid-rows': {
    what: 'indicator rows of one grid (family A)',
    sizes: [100, 400, 1600],
    build: (n) => {
      const grid = htmlToGrid(parse(familyPage(longA024(n))), 'scaling.html').grid;
      return () => gridToForms(grid);
    },
  },
  'grid-forms': {
    what: 'forms in one grid (family A tables one after another)',
    sizes: [16, 64, 256],
    build: (n) => {
      const page = familyPage(longA024(10));
      const body = /<body>(.*)<\/body>/s.exec(page)?.[1] ?? '';
      const grid = htmlToGrid(parse(`<html><body>${body.repeat(n)}</body></html>`), 'scaling.html').grid;
      return () => gridToForms(grid);
    },
  },
};

/** CPU milliseconds of fn, the best of `runs`. */
function cpuMs(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const chosen = process.argv.slice(2);
for (const [name, c] of Object.entries(CASES)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  const read: string[] = [];
  const times = c.sizes.map((n) => {
    const run = c.build(n);
    // Warm up (compile before timing), and say what was read: a fast run that read nothing means nothing.
    const result = run() as { forms: Form[] };
    read.push(`${result.forms.length}f/${result.forms.reduce((k, f) => k + f.indicators.length, 0)}i`);
    return cpuMs(run);
  });
  const ratios = times.slice(1).map((t, i) => t / (times[i] ?? t));
  console.log(
    `${name.padEnd(26)} ${c.sizes.map((n, i) => `${n}: ${fmt(times[i] ?? 0)} ms`).join('  ')}  ×4 → ${ratios.map((r) => fmt(r)).join(', ')}  ×16 → ${fmt((times[times.length - 1] ?? 0) / (times[0] ?? 1))}  read ${read.join(' ')}  (${c.what})`,
  );
}
