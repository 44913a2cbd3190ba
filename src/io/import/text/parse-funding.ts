import type { FundingLine } from '../../../domain/form/form.schema.js';
import { addExtra, type ParseContext } from './form-draft.js';
import { joinWrapped } from './join-wrapped.js';
import { isAmountCell, isNothing, parseMoney, parseRate } from './parse-number.js';
import { tokenText, useToken, type LabelToken, type Token } from './cell-stream.js';
import { FUNDING_COLUMNS, normalizeLabel, type FundingColumn } from './vocabulary.js';
import { placeBeforeRate } from './place-funding-values.js';
import { splitGluedAmounts } from './split-glued-amounts.js';

/** A percentage no execution rate reaches (1000% and up): glued numbers ending in a rate. */
const OVER_RATE = /^\d{4,}(?:\.\d+)?[%％]$/;

/**
 * The 项目资金 table: its column header (全年预算数 / 全年执行数 / 执行率 …) then rows of a name and
 * numbers. Row names that the PDF wrapped (`其中：上级转移支` + `付资金`) are joined; numbers printed
 * on the line after a name belong to that name.
 */

const DEFAULT_COLUMNS: FundingColumn[] = ['budget', 'executed', 'rate'];
/** A longer text cell among the numbers is a 原因 / 得分计算方法 note, not a row name. */
const MAX_ROW_NAME = 16;

interface Row {
  name: string;
  values: string[];
  line: number;
}

function toLine(row: Row, columns: readonly FundingColumn[], ctx: ParseContext): FundingLine {
  const line: FundingLine = { name: row.name, initialBudget: null, budget: null, executed: null, rate: null };
  const scored = columns.includes('weight') || columns.includes('score');
  if (scored) {
    if (columns.includes('weight')) line.weight = null;
    if (columns.includes('score')) line.score = null;
  }
  let col = 0;
  const numeric = columns.filter((c) => c !== 'extra');
  const extra = (value: string): void =>
    ctx.log.add(
      'funding-extra-value',
      'warning',
      `资金行"${row.name}"的数值"${value}"多于表头列数，无法确定所属列，请核对。`,
      row.line,
      value,
      { form: ctx.form },
    );
  let rateRead = false;
  for (const value of placeBeforeRate(row.values, numeric)) {
    const rate = parseRate(value);
    if (rate !== null && numeric.includes('rate')) {
      // A second rate on the row (text that ran several rows together) is reported, not written
      // over the first.
      if (rateRead) extra(value);
      else line.rate = rate;
      rateRead = true;
      col = numeric.indexOf('rate') + 1;
      continue;
    }
    // A full row is read by position: its rate may be printed without `%` (`0 0 0 10 0 0`).
    const full = row.values.length === numeric.length;
    while (numeric[col] === 'rate' && !isNothing(value) && !full) col += 1;
    const target = numeric[col];
    col += 1;
    if (target === undefined) {
      extra(value);
      continue;
    }
    if (isNothing(value)) continue;
    const n = target === 'rate' ? (parseRate(value) ?? (full ? parseMoney(value) : null)) : parseMoney(value);
    if (n === null) {
      ctx.log.add(
        'funding-value-unreadable',
        'warning',
        `资金行"${row.name}"的"${value}"不是数字，请核对。`,
        row.line,
        value,
        { form: ctx.form },
      );
      continue;
    }
    line[target] = n;
  }
  return line;
}

function numericColumns(columns: readonly FundingColumn[]): FundingColumn[] {
  return (columns.length > 0 ? columns : DEFAULT_COLUMNS).filter((c) => c !== 'extra');
}

/**
 * The value printed right after a column label (`预算数:` `2.38`), when the table prints label–value
 * pairs instead of a header row: the label ends with a colon, the value is followed by another
 * column label, or pairs were already seen. Null for an ordinary header label.
 */
function pairedValue(tokens: readonly Token[], k: number, inPairs: boolean): Token | null {
  const label = tokens[k];
  let next = k + 1;
  while (tokens[next] !== undefined && tokenText(tokens[next] as Token) === '') next += 1;
  const value = tokens[next];
  if (label === undefined || value === undefined || value.type !== 'cell' || !isAmountCell(value.cell.text))
    return null;
  const after = tokens[next + 1];
  const colon = /[:：]$/.test(tokenText(label));
  const labelNext = after?.type === 'label' && after.kinds.has('funding-column');
  return colon || labelNext || inPairs ? value : null;
}

/** The total line of a label–value funding table. */
function pairLine(pairs: readonly [FundingColumn, string][], name: string, ctx: ParseContext): FundingLine {
  const line: FundingLine = { name, initialBudget: null, budget: null, executed: null, rate: null };
  for (const [col, text] of pairs) {
    if (col === 'extra' || isNothing(text)) continue;
    const n = col === 'rate' ? parseRate(text) : parseMoney(text);
    if (n !== null) line[col] = n;
    else
      ctx.log.add('funding-value-unreadable', 'warning', `资金"${col}"的"${text}"不是数字，请核对。`, null, text, {
        form: ctx.form,
      });
  }
  return line;
}

/**
 * `其中:本年财政拨款2020` under a total row of 20 | 20: a source row's one glued number that is the
 * total's budget and spending printed again. Read as one number it would exceed the total it is
 * part of, so it is cut into those two, and reported.
 */
function unglueRepeatedTotal(rows: readonly Row[], columns: readonly FundingColumn[], ctx: ParseContext): void {
  const total = rows[0];
  const numeric = numericColumns(columns);
  if (total === undefined || numeric[0] !== 'budget' || numeric[1] !== 'executed') return;
  const [budget, executed] = total.values;
  if (budget === undefined || executed === undefined || !/^\d+(?:\.\d+)?$/.test(budget + executed)) return;
  for (const row of rows.slice(1)) {
    const printed = row.values[0];
    if (row.values.length !== 1 || printed !== budget + executed || Number(printed) <= Number(budget)) continue;
    row.values.splice(0, 1, budget, executed);
    ctx.log.add(
      'funding-glued-split',
      'info',
      `资金行"${row.name}"的"${printed}"大于年度资金总额，是总额的预算数和执行数连在一起，已拆为 ${budget} | ${executed}，请核对。`,
      row.line,
      printed,
      { form: ctx.form },
    );
  }
}

const AMOUNT_COLUMNS: ReadonlySet<FundingColumn> = new Set(['initialBudget', 'budget', 'executed']);

/**
 * `其中:当年财政拨款 | 387664.62 | 387664.62 | —` under a total `387664.62 | 387664.62 | 10 | 100% | 10`
 * whose blank 年初预算数 the host dropped: a source row with no rate that prints the total's amounts
 * again, in order, stands in the total's columns (read by position it would shift into 年初预算数).
 * Only equal amounts are aligned so; the move is reported.
 */
function alignWithTotal(rows: readonly Row[], columns: readonly FundingColumn[], ctx: ParseContext): void {
  const total = rows[0];
  const numeric = numericColumns(columns);
  if (total === undefined || !/总额/.test(total.name) || !numeric.includes('rate')) return;
  const placed = placeBeforeRate(total.values, numeric);
  const slots = placed.flatMap((v, k) => (AMOUNT_COLUMNS.has(numeric[k] ?? 'extra') && !isNothing(v) ? [k] : []));
  if (slots.length === 0 || slots.length === placed.filter((_, k) => AMOUNT_COLUMNS.has(numeric[k] ?? 'extra')).length)
    return;
  for (const row of rows.slice(1)) {
    const amounts = row.values.slice(0, slots.length);
    const rest = row.values.slice(slots.length);
    if (row.values.length >= numeric.length || row.values.some((v) => parseRate(v) !== null)) continue;
    if (amounts.length < slots.length || !amounts.every((v, k) => !isNothing(v) && v === placed[slots[k] ?? -1]))
      continue;
    if (!rest.every((v) => isNothing(v))) continue;
    const aligned = Array.from({ length: (slots[slots.length - 1] ?? 0) + 1 }, (_, k) => {
      const at = slots.indexOf(k);
      return at < 0 ? '' : (amounts[at] ?? '');
    });
    row.values.splice(0, row.values.length, ...aligned, ...rest);
    ctx.log.add(
      'funding-aligned-with-total',
      'info',
      `资金行"${row.name}"的数额与年度资金总额相同，已按总额所在的列读取，请核对。`,
      row.line,
      amounts.join(' '),
      { form: ctx.form },
    );
  }
}

/** Reads the funding table from its region tokens (anchor label first) into the draft. */
export function parseFunding(anchor: LabelToken | null, regionTokens: readonly Token[], ctx: ParseContext): void {
  const { draft } = ctx;
  // A region opened by a column or row label (the host dropped the 项目资金 cell) starts with it:
  // `年初预算数` is the header's first column, `年度资金总额` the first row.
  const opensTable =
    anchor !== null &&
    !anchor.kinds.has('funding-anchor') &&
    (anchor.kinds.has('funding-column') || anchor.kinds.has('fund-row'));
  const tokens = opensTable ? [anchor, ...regionTokens] : regionTokens;
  if (anchor !== null && !opensTable) {
    useToken(anchor);
    if (anchor.key.includes('(元)')) draft.unit = '元';
    if (anchor.points !== null) addExtra(draft, `${anchor.key}(分值)`, `${anchor.points}分`);
  }
  const columns: FundingColumn[] = [];
  const rows: Row[] = [];
  let pending: string[] = [];
  let pendingLine = 0;
  let current: Row | null = null;
  const flush = (): void => {
    if (pending.length === 0) return;
    current = {
      name: joinWrapped(pending)
        .replace(/^其中[:：]?/, '')
        .replace(/[:：]$/, ''),
      values: [],
      line: pendingLine,
    };
    rows.push(current);
    pending = [];
  };
  const pairs: [FundingColumn, string][] = [];
  tokens.forEach((token, k) => {
    // Header labels come before any number; a row label may precede them (`年度资金总额 全年预算数(A) …`).
    const headerPlace = pending.length === 0 && rows.every((r) => r.values.length === 0);
    if (token.type === 'label' && token.kinds.has('funding-column') && headerPlace) {
      const col = FUNDING_COLUMNS.get(token.key);
      const value = col === undefined ? null : pairedValue(tokens, k, pairs.length > 0);
      if (col !== undefined && value !== null) {
        pairs.push([col, tokenText(value)]);
        useToken(value);
      } else if (col !== undefined) columns.push(col);
      useToken(token);
      return;
    }
    if (token.type === 'label' && token.kinds.has('fund-row')) {
      flush();
      // Label–value tables print a source twice: its budget, then its spending.
      const again = pairs.length > 0 ? rows.find((r) => r.name === token.key && r.values.length <= 1) : undefined;
      current = again ?? { name: token.key, values: token.rest === null ? [] : [token.rest], line: token.line };
      if (again === undefined) rows.push(current);
      useToken(token);
      return;
    }
    const text = tokenText(token);
    // An empty pipe cell after a row's numbers keeps the column of the numbers after it.
    if (text === '' && token.type === 'cell' && token.cell.pipe && current !== null && pending.length === 0)
      (current as Row).values.push('');
    if (text === '' || (token.type === 'cell' && token.cell.used)) return;
    if (/^(万元|元)$/.test(text)) {
      useToken(token);
      return;
    }
    // Glued numbers always hold a rate's `%`; text without one is not tried. A "rate" of four
    // digits or more (`6363100%`, 63 | 63 | 100% glued) is no rate: it is tried as glued numbers.
    const glued =
      (isAmountCell(text) && !(text.length > 4 && OVER_RATE.test(text))) || !/[%％]/.test(text)
        ? null
        : /^(.*?[^\d.]|)(\d[\d.]*[%％][\d.]*)(\D.*)?$/u.exec(text);
    // The header's last label may be glued to the first row's numbers (`得分202010100.00%10`).
    const lead = glued === null ? undefined : FUNDING_COLUMNS.get(normalizeLabel(glued[1] ?? ''));
    const withLead = lead !== undefined && headerPlace ? [...columns, lead] : columns;
    // Numbers printed apart before the glued ones (`285.84 285.84 100%20`, in this cell or the row's
    // cells before it) are the row's first values, not its name: the glued run fills the columns after them.
    const apart = /^(?:\d[\d.,]*\s+)+$/.test(glued?.[1] ?? '') ? (glued?.[1] ?? '').trim().split(/\s+/) : [];
    const before = pending.length === 0 && current !== null ? (current as Row).values.length : 0;
    const amounts =
      glued === null ? null : splitGluedAmounts(glued[2] ?? '', numericColumns(withLead).slice(before + apart.length));
    if (amounts !== null) {
      if (withLead !== columns && lead !== undefined) columns.push(lead);
      else if (apart.length === 0 && glued?.[1] !== undefined && glued[1] !== '') {
        if (pending.length === 0) pendingLine = token.line;
        pending.push(glued[1]);
      }
      flush();
      if (current !== null) {
        (current as Row).values.push(...apart, ...amounts);
        useToken(token);
        // Text glued after the numbers (rotated labels turned to noise) is kept in the issue below.
        ctx.log.add(
          'funding-glued-split',
          'info',
          `资金行"${(current as Row).name}"的数字连在一起（"${text}"），已按列拆为 ${amounts.join(' | ')}，请核对。`,
          token.line,
          text,
          { form: ctx.form },
        );
      }
      return;
    }
    // Glued numbers right after a row's name that no one cut reads (several agree with the rate,
    // `636363100%` is 63 | 63 | 63 | blank 分值 | 100% or 6 | 36 | 36 | 3 | 100%): the row's values
    // stay blank, reported, rather than a guess or a row named by the numbers.
    if (glued !== null && (glued[1] ?? '') === '' && current !== null && (current as Row).values.length === 0) {
      flush();
      useToken(token);
      ctx.log.add(
        'funding-glued-unsplit',
        'warning',
        `资金行"${(current as Row).name}"的数字连在一起（"${text}"），有多种拆法，已留空，请对照原表填写。`,
        token.line,
        text,
        { form: ctx.form },
      );
      return;
    }
    if (/^单位[:：]?(万元|元)$/.test(normalizeLabel(text))) {
      if (text.endsWith('元') && !text.endsWith('万元')) draft.unit = '元';
      useToken(token);
      return;
    }
    if (/^[(（](万元|元|万兀)[)）]$/.test(text)) {
      if (/[(（]元/.test(text)) draft.unit = '元';
      useToken(token);
      return;
    }
    if (isAmountCell(text)) {
      flush();
      if (current !== null) {
        (current as Row).values.push(text);
        useToken(token);
      } else if (pairs.length > 0 && /^\d{1,3}$/.test(text)) {
        // After label–value pairs, a bare number is the section's points (`执行数:` `2.38` `20`).
        addExtra(draft, `${anchor?.key ?? '预算执行情况'}(分值)`, text);
        useToken(token);
      }
      return;
    }
    const full = current !== null && (current as Row).values.length >= numericColumns(columns).length;
    if ((text.length > MAX_ROW_NAME || full) && current !== null && columns.includes('extra')) {
      // The 说明 cell wrapped over lines (`…预算执行数/调整` / `后预算数,…`): its pieces are one text.
      const key = `${(current as Row).name}(说明)`;
      const before = draft.extras[key];
      if (before === undefined) addExtra(draft, key, text);
      else draft.extras[key] = joinWrapped([before, text]);
      useToken(token);
      return;
    }
    if (current !== null && (current as Row).values.length > 0) current = null;
    if (pending.length === 0) pendingLine = token.line;
    pending.push(text);
    useToken(token);
  });
  flush();
  const cols = columns.length > 0 ? columns : DEFAULT_COLUMNS;
  if (columns.length === 0 && rows.length > 0 && pairs.length === 0)
    ctx.log.add(
      'funding-header-missing',
      'warning',
      '资金表没有可识别的列标题，已按"全年预算数、全年执行数、执行率"的顺序读取，请核对。',
      rows[0]?.line ?? null,
      null,
      { form: ctx.form, path: 'funding' },
    );
  if (cols.includes('weight') || cols.includes('score')) draft.scoredFunding = true;
  unglueRepeatedTotal(rows, cols, ctx);
  alignWithTotal(rows, cols, ctx);
  // Label–value numbers belong to the total row when the form printed its label without numbers.
  const totalRow = pairs.length === 0 ? undefined : rows.find((r) => r.values.length === 0 && /总额$/.test(r.name));
  if (pairs.length > 0 && totalRow === undefined) draft.fundingLines.push(pairLine(pairs, '年度资金总额', ctx));
  for (const row of rows)
    draft.fundingLines.push(row === totalRow ? pairLine(pairs, row.name, ctx) : toLine(row, cols, ctx));
  draft.hasBody = true;
}
