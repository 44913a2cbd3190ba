import type { Form } from '../../../domain/form/form.schema.js';
import type { ImportResult } from '../import-result.js';
import { restoreIdeographs } from '../look-alike-ideographs.js';
import { cutAtNotes, findBoilerplate } from './boilerplate.js';
import { toStream } from './cell-stream.js';
import { headingYear } from './infer-year.js';
import { IssueLog } from './issues.js';
import { looksColumnsApart, looksLaidOut } from './laid-out-text.js';
import { parseForm } from './parse-form.js';
import { readLaidOutText } from './read-laid-out.js';
import { findFormStarts } from './split-forms.js';
import { tokenizeLines, type TextLine } from './tokenize-lines.js';
import { reportUnplaced } from './unplaced.js';

/**
 * Imports 项目支出绩效自评表 from plain text (PDF-extracted text, text served by web pages, pipe
 * tables). `text` is already decoded; `file` names the input in issues.
 *
 * Never throws: anything it cannot place is an issue, with the raw text, so nothing printed is
 * dropped silently. Time and memory are roughly linear in the input size.
 */
export function importText(text: string, file: string): ImportResult {
  const log = new IssueLog(file);
  try {
    return { forms: importForms(text, log), issues: log.issues };
  } catch (error) {
    log.add('internal-error', 'error', `导入文本时程序出错（${String(error)}），请把文件发给开发者。`, null, null);
    return { forms: [], issues: log.issues };
  }
}

function importForms(printed: string, log: IssueLog): Form[] {
  // Text copied out of a PDF may spell 项目 as 项⽬ (a radical with the same glyph): read as a person does.
  const input = restoreIdeographs(printed);
  const laidOut = looksLaidOut(input);
  if (laidOut)
    log.add(
      'text-laid-out',
      'warning',
      '这段文本按版面排列（列之间用空格对齐，如 pdftotext -layout 的输出）：绩效指标表和年度总体目标已按各列的位置读取，折行的栏目名已接回，无法确定位置的内容见其他提示。请核对；有 PDF 文件时直接导入 PDF 最准确，若只有文本，也可用 pdftotext -raw 重新提取。',
      null,
      null,
    );
  else if (looksColumnsApart(input))
    log.add(
      'text-columns-apart',
      'warning',
      '这段文本中表格同一行的各格分在不同的行上（如 pdftotext 不带参数时的输出），指标的名称、指标值、完成值可能被拆开或错位，且没有位置信息可以还原各列。请直接导入 PDF 文件；若只有文本，请用 pdftotext -raw 或 -layout 重新提取。',
      null,
      null,
    );
  // Its indicator tables are read by their columns; the rest as any text.
  const text = laidOut ? readLaidOutText(input, log) : input;
  const all = cutAtNotes(tokenizeLines(text));
  const boiler = findBoilerplate(all);
  const lines = all.filter((_, i) => !boiler.has(i));
  const starts = findFormStarts(lines);
  const forms: Form[] = [];
  const outside = (part: readonly TextLine[]): void => reportUnplaced(toStream(part), log, null);
  const before = lines.slice(0, starts[0] ?? lines.length);
  outside(before);
  // A page's heading above the first form may state the year its table does not print.
  const heading = headingYear(toStream(before));
  starts.forEach((start, k) => {
    const part = lines.slice(start, starts[k + 1] ?? lines.length);
    const form = parseForm(part, log, forms.length, forms[forms.length - 1]?.year ?? null, k === 0 ? heading : null);
    if (form === null) outside(part);
    else forms.push(form);
  });
  if (forms.length === 0)
    log.add(
      'no-form-found',
      'error',
      '文本中没有找到项目支出绩效自评表（缺少表题"……自评表"或"项目名称"栏），请确认选择的文件是否正确。',
      null,
      null,
    );
  return forms;
}
