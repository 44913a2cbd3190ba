/**
 * The exporters (docs/exports.md): canonical forms → the official form as .xlsx, PDF or printable
 * HTML, open data as CSV, JSON or a Frictionless data package, and the department summary
 * workbook. The CLI (`jixiao export`) and the server's export routes call these two functions.
 */
import { strToU8 } from 'fflate';
import {
  builtinProfiles,
  defaultProfileName,
  scoreForm,
  type Form,
  type FormScore,
  type Profile,
} from '../../domain/index.js';
import { formsToCsv } from './csv/forms-csv.js';
import { datapackageFiles, datapackageZip } from './datapackage/write-datapackage.js';
import { renderOfficialHtml } from './html/render-official-html.js';
import { TEMPLATE_NOTES, type LayoutOptions } from './layout/official-layout.js';
import { withComputedScores } from './layout/with-computed-scores.js';
import { printWithSharedPrinter, type PdfPrinter } from './pdf/pdf-printer.js';
import { writeOfficialXlsx } from './xlsx/write-official-xlsx.js';
import { writeSummaryXlsx } from './xlsx/write-summary-xlsx.js';

export { openPdfPrinter, closeSharedPdfPrinter, type PdfPrinter } from './pdf/pdf-printer.js';
export { csvToForms } from './csv/forms-csv.js';
export { datapackageFiles, datapackageZip } from './datapackage/write-datapackage.js';
export { datapackageToForms, unzipDatapackage } from './datapackage/read-datapackage.js';

export const exportFormats = ['xlsx', 'pdf', 'html', 'csv', 'json', 'datapackage'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  /** xlsx/pdf/html: add 分值/得分 columns and a 总分/评价等级 row with the scores jixiao computes. */
  readonly scores?: boolean;
  /** Rule profile of `scores` and of the data package's scores and findings; default central-2020. */
  readonly profile?: Profile;
  /** xlsx/pdf/html: print the template's 备注 notes under each form; default true. */
  readonly notes?: boolean;
  /** pdf: the printer to use (see openPdfPrinter); default one browser shared by the process. */
  readonly printer?: PdfPrinter;
}

export interface ExportResult {
  readonly bytes: Uint8Array;
  /** For an HTTP Content-Type header. */
  readonly contentType: string;
  /** A suggested download name (Chinese; encode it with RFC 5987 in Content-Disposition). */
  readonly fileName: string;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const contentTypes: Readonly<Record<ExportFormat, string>> = {
  xlsx: XLSX_CONTENT_TYPE,
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  datapackage: 'application/zip',
};
const extensions: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'xlsx',
  pdf: 'pdf',
  html: 'html',
  csv: 'csv',
  json: 'json',
  datapackage: 'zip',
};

/** Characters that no file system or browser download accepts in a name. */
const unsafeName = (name: string): string =>
  // eslint-disable-next-line no-control-regex
  Array.from(name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim())
    .slice(0, 60)
    .join('') || '自评表';

/** `社区矫正（2020年度）自评表.xlsx` for one form, `项目支出绩效自评表（6张）.xlsx` for several. */
export function exportFileName(forms: readonly Form[], format: ExportFormat): string {
  const [only] = forms;
  const base =
    forms.length === 1 && only !== undefined
      ? `${unsafeName(only.project.name)}（${only.year}年度）自评表`
      : `项目支出绩效自评表（${forms.length}张）`;
  return `${base}${format === 'datapackage' ? '-datapackage' : ''}.${extensions[format]}`;
}

/** The forms as the official layout prints them under `options` (scores, notes). */
function printable(forms: readonly Form[], options: ExportOptions): { forms: Form[]; layout: () => LayoutOptions } {
  const profile = options.profile ?? defaultProfile();
  const printed = options.scores === true ? forms.map((f) => withComputedScores(f, scoreForm(f, profile))) : [...forms];
  const layout: LayoutOptions = options.notes === false ? {} : { notes: TEMPLATE_NOTES };
  return { forms: printed, layout: () => layout };
}

function defaultProfile(): Profile {
  const profile = builtinProfiles[defaultProfileName];
  if (profile === undefined) throw new Error(`built-in profile ${defaultProfileName} is missing`);
  return profile;
}

/**
 * Exports `forms` (valid canonical forms) in `format`. PDF needs chromium (throws an Error saying
 * how to install it when it is missing); every other format is computed in-process and throws only
 * on invalid forms. An empty `forms` gives an empty document of the format.
 */
export async function exportForms(
  forms: readonly Form[],
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const result = (bytes: Uint8Array): ExportResult => ({
    bytes,
    contentType: contentTypes[format],
    fileName: exportFileName(forms, format),
  });
  switch (format) {
    case 'xlsx': {
      const p = printable(forms, options);
      return result(await writeOfficialXlsx(p.forms, p.layout));
    }
    case 'html':
    case 'pdf': {
      const p = printable(forms, options);
      const html = renderOfficialHtml(p.forms, p.layout);
      if (format === 'html') return result(strToU8(html));
      return result(options.printer ? await options.printer.print(html) : await printWithSharedPrinter(html));
    }
    case 'csv':
      return result(strToU8(formsToCsv(forms)));
    case 'json':
      return result(strToU8(`${JSON.stringify(forms, null, 2)}\n`));
    case 'datapackage':
      return result(datapackageZip(datapackageFiles(forms, options.profile ?? defaultProfile())));
  }
}

/**
 * The department summary workbook (.xlsx bytes, XLSX_CONTENT_TYPE) of `forms` under `profile`:
 * sheets 部门汇总, 项目, 资金来源, 重复指标, 问题 (see write-summary-xlsx.ts). `scores[i]` is the score of
 * `forms[i]` when the caller has one (reviewers' ratings applied); otherwise the forms are scored here.
 */
export function exportSummary(
  forms: readonly Form[],
  profile: Profile,
  scores?: readonly FormScore[],
): Promise<Uint8Array> {
  return writeSummaryXlsx(forms, profile, scores);
}
