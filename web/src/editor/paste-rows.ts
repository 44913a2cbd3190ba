import type { Indicator } from '../lib/core';

/**
 * Splits text copied from Excel (tab-separated, rows by newline; cells containing tabs, newlines or
 * quotes come quoted with "" escapes) into rows of cells. Trailing empty rows are dropped.
 */
export function splitClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  while (rows.length > 0 && (rows.at(-1) as string[]).every((c) => c.trim() === '')) rows.pop();
  return rows;
}

/** True when pasted text holds more than one cell: the editor turns it into rows instead of typing it. */
export function looksLikeTable(text: string): boolean {
  return text.includes('\t') || text.replace(/\r?\n$/, '').includes('\n');
}

const headerWords = ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '指标值', '完成值'];

/**
 * Indicators from rows copied out of Excel, in one of the layouts people copy:
 * 6+ columns `一级 二级 三级 指标值 完成值 原因`, 5 columns `一级 二级 三级 指标值 完成值`,
 * 4 columns `三级 指标值 完成值 原因`, 3 columns `三级 指标值 完成值`, 1–2 columns `三级 [指标值]`.
 * Rows without 一级/二级 (or with them blank, as merged cells paste) take the previous row's, and the
 * first such row takes `group`. A header row is skipped. Returns [] for text with no usable row.
 */
export function indicatorsFromPaste(text: string, group: { level1: string; level2: string }): Indicator[] {
  const rows = splitClipboardTable(text).map((r) => r.map((c) => c.trim()));
  const out: Indicator[] = [];
  let level1 = group.level1;
  let level2 = group.level2;
  for (const r of rows) {
    if (r.some((c) => headerWords.includes(c))) continue;
    let name: string | undefined;
    let target: string | undefined;
    let actual: string | undefined;
    let note: string | undefined;
    if (r.length >= 5) {
      const [l1, l2] = r;
      if (l1) level1 = l1;
      if (l2) level2 = l2;
      [, , name, target, actual, note] = r;
    } else if (r.length === 4) [name, target, actual, note] = r;
    else [name, target, actual] = r;
    if (!name) continue;
    out.push({
      level1,
      level2,
      name,
      target: target ? target : null,
      actual: actual ? actual : null,
      note: note ? note : null,
    });
  }
  return out;
}
