/**
 * Seconds to export N forms (default 1,000 distinct variants of the seed and real forms) to each
 * format: the official .xlsx (one sheet per form), the PDF (one document, one chromium for all),
 * and the open-data formats. Also the cost of one single-form PDF on a warm browser, which is what
 * the server's export route pays per request, and chromium's start-up.
 *
 * Usage: node --import tsx bench/export/export.bench.ts [forms] [single-pdfs]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinProfiles } from '../../src/domain/index.js';
import { exportForms, exportSummary, openPdfPrinter, type ExportFormat } from '../../src/io/export/index.js';
import { baseForms, formVariants } from '../form-pool.js';
import { mb, report, timed } from '../measure.js';

export async function benchExport(count = 1000, singles = 30): Promise<void> {
  const profile = builtinProfiles['central-2020'];
  if (profile === undefined) throw new Error('central-2020 missing');
  const forms = formVariants(baseForms(), count);
  const indicators = forms.reduce((n, f) => n + f.indicators.length, 0);
  console.log(`# export: ${count} forms, ${indicators} indicators`);

  for (const format of ['xlsx', 'csv', 'json', 'datapackage', 'html'] as const satisfies readonly ExportFormat[]) {
    const { ms, result } = await timed(() => exportForms(forms, format, { profile }));
    report(`export ${format}`, { seconds: ms / 1000, MB: mb(result.bytes.length), msPerForm: ms / count });
  }
  const summary = await timed(() => exportSummary(forms, profile));
  report('export summary workbook', { seconds: summary.ms / 1000, MB: mb(summary.result.length) });

  const launch = await timed(() => openPdfPrinter());
  const printer = launch.result;
  report('chromium launch', { seconds: launch.ms / 1000 });
  try {
    const pdf = await timed(() => exportForms(forms, 'pdf', { printer }));
    report('export pdf (one document)', {
      seconds: pdf.ms / 1000,
      MB: mb(pdf.result.bytes.length),
      msPerForm: pdf.ms / count,
    });
    await exportForms(forms.slice(0, 1), 'pdf', { printer });
    let bytes = 0;
    const single = await timed(async () => {
      for (const form of forms.slice(0, singles)) bytes += (await exportForms([form], 'pdf', { printer })).bytes.length;
    });
    report(`export pdf (${singles} × one form)`, {
      msPerForm: single.ms / singles,
      kBPerForm: bytes / singles / 1024,
      secondsFor1000: ((single.ms / singles) * 1000) / 1000,
    });
  } finally {
    await printer.close();
  }
}

const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  const [forms, singles] = process.argv.slice(2).map(Number);
  await benchExport(forms || undefined, singles || undefined);
}
