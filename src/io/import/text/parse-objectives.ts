import { addExtra, type ParseContext } from './form-draft.js';
import { displayWidth, joinWrapped } from './join-wrapped.js';
import { tokenText, useToken, type LabelToken, type Token } from './cell-stream.js';

/**
 * The 年度总体目标 block: a planned text (年初设定目标 / 预期目标) then an actual text (全年实际完成情况).
 * Both are usually wrapped over many lines with nothing between them, so the split is chosen where
 * a paragraph visibly ends: a sentence end, a short last line, a blank line, a list restarting at 1.
 */

const PLANNED = new Set(['年初设定目标', '预期目标', '项目年度目标']);
const ACTUAL = new Set([
  '全年实际完成情况',
  '实际完成情况',
  '目标实际完成情况',
  '年度目标完成情况',
  '年度总体目标完成情况综述',
]);
/** The numbered item a line of an objectives list begins with: `目标2:`, `2.`, `（2）`. */
const ITEM = /^(?:目标\s*\d{1,2}|\d{1,2}[.、．]|[（(]\d{1,2}[)）])/;
const LIST_START = /^(1[.、．]|一是|目标1|（1）|\(1\))/;

interface TextLine {
  text: string;
  afterBlank: boolean;
}

/** Index of the first actual line; 0 or lines.length means "no split found". */
export function chooseSplit(lines: readonly TextLine[]): number {
  if (lines.length < 2) return lines.length;
  const anyBlank = lines.some((l, i) => i > 0 && l.afterBlank);
  const allBlank = lines.every((l, i) => i === 0 || l.afterBlank);
  let best = lines.length;
  let bestScore = -Infinity;
  let widest = 0;
  for (let k = 1; k < lines.length; k++) {
    const prev = lines[k - 1];
    const next = lines[k];
    if (prev === undefined || next === undefined) continue;
    widest = Math.max(widest, displayWidth(prev.text));
    let score = 0;
    if (/[。.!！;；]$/.test(prev.text)) score += 3;
    if (displayWidth(prev.text) < widest * 0.85) score += 2;
    if (anyBlank && !allBlank && next.afterBlank) score += 1;
    if (LIST_START.test(next.text)) score += 3;
    if (/^[，。、；：）)”]/.test(next.text)) score -= 10;
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return bestScore >= 3 ? best : lines.length;
}

/** Reads the objectives block from its region tokens (anchor label first, may be null). */
export function parseObjectives(anchor: LabelToken | null, tokens: readonly Token[], ctx: ParseContext): void {
  const { draft } = ctx;
  if (anchor !== null) useToken(anchor);
  draft.hasBody = true;
  let planned: Token[] = [];
  let actual: Token[] = [];
  let other: { label: string; tokens: Token[] } | null = null;
  let target: 'both' | 'actual' | 'other' = 'both';
  const both: Token[] = [];
  // Lines the sub-headers were printed on: each on its own line means one cell per line.
  const headerLines = new Set<number>();
  let headers = 0;
  for (const token of tokens) {
    if (token.type === 'label' && token.kinds.has('objective-column')) {
      useToken(token);
      headers += 1;
      headerLines.add(token.line);
      const key = token.key.replace(/^\d[.、]/, '');
      if (PLANNED.has(key)) target = 'both';
      else if (ACTUAL.has(key)) {
        // Text already read under the planned header alone is the planned text.
        if (both.length > 0) planned.push(...both.splice(0));
        if (planned.length > 0) target = 'actual';
      } else if (!PLANNED.has(key) && !ACTUAL.has(key)) {
        other = { label: key, tokens: [] };
        target = 'other';
      }
      continue;
    }
    if (tokenText(token) === '') continue;
    // A bare number before any text is the section's points (`目标实际完成情况` `20`).
    if (
      token.type === 'cell' &&
      /^\d{1,3}$/.test(token.cell.text) &&
      both.length + planned.length + actual.length === 0
    ) {
      addExtra(draft, `${anchor?.key ?? '年度总体目标'}(分值)`, token.cell.text);
      useToken(token);
      continue;
    }
    if (target === 'other' && other !== null) other.tokens.push(token);
    else if (target === 'actual') actual.push(token);
    else both.push(token);
  }
  if (both.length > 0) {
    const split = splitBoth(both, headers >= 2 && headerLines.size === headers);
    planned = [...split.planned, ...planned];
    actual = [...split.actual, ...actual];
  }
  const join = (ts: readonly Token[]): string | null => {
    const s = joinWrapped(ts.map(tokenText));
    return s === '' ? null : s;
  };
  // A second objectives block (a sub-header met again further down, as in text that ran columns
  // together) does not overwrite the first: its text stays unused and is reported as unplaced.
  const place = (field: 'planned' | 'actual', ts: readonly Token[]): void => {
    if (draft[field] !== null) return;
    draft[field] = join(ts);
    ts.forEach(useToken);
  };
  place('planned', planned);
  place('actual', actual);
  if (other !== null) {
    other.tokens.forEach(useToken);
    addExtra(draft, other.label, join(other.tokens) ?? '');
  }
}

/** The groups' tokens in order (a loop: Array.prototype.flat takes V8's slow generic path). */
function flatten(groups: readonly Token[][]): Token[] {
  const out: Token[] = [];
  for (const group of groups) for (const token of group) out.push(token);
  return out;
}

/**
 * Splits the cells printed under both sub-headers into planned and actual. `cellPerLine`: the
 * sub-headers were each printed on a line of their own, as a host serving one cell per line does.
 */
function splitBoth(tokens: readonly Token[], cellPerLine = false): { planned: Token[]; actual: Token[] } {
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) {
    const line = byLine.get(t.line);
    if (line === undefined) byLine.set(t.line, [t]);
    else line.push(t);
  }
  const groups = [...byLine.values()];
  // One line with two cells: the host put both texts on one row, separated by white space.
  if (groups.length === 1 && groups[0]?.length === 2)
    return { planned: [groups[0][0] as Token], actual: [groups[0][1] as Token] };
  // One line of numbered cells whose list restarts once (`目标1:… 目标2:… 目标1:… 目标2:…`): the host
  // put both texts on one row, each item a cell; the planned list ends where the numbering restarts.
  const row = groups.length === 1 ? groups[0] : undefined;
  if (row !== undefined && row.length >= 3) {
    const texts = row.map(tokenText);
    const restarts = texts.flatMap((t, i) => (i > 0 && LIST_START.test(t) ? [i] : []));
    const k = restarts[0];
    if (restarts.length === 1 && k !== undefined && LIST_START.test(texts[0] ?? '') && texts.every((t) => ITEM.test(t)))
      return { planned: row.slice(0, k), actual: row.slice(k) };
  }
  const lines = groups.map((g) => ({
    text: joinWrapped(g.map(tokenText)),
    afterBlank: g[0]?.type === 'cell' ? g[0].cell.afterBlank : false,
  }));
  // One cell per line, row by row: `目标1:…` planned then `目标1:…` actual, and so on.
  const numberOf = (text: string): string | null => ITEM.exec(text)?.[0] ?? null;
  const paired =
    lines.length >= 4 &&
    lines.length % 2 === 0 &&
    lines.every(
      (l, i) => numberOf(l.text) !== null && (i % 2 === 0 || numberOf(l.text) === numberOf(lines[i - 1]?.text ?? '')),
    );
  if (paired)
    return {
      planned: flatten(groups.filter((_, i) => i % 2 === 0)),
      actual: flatten(groups.filter((_, i) => i % 2 === 1)),
    };
  // Headers one per line, then two lines of one cell each: the host printed each cell on its line
  // too, so the two lines are the two texts, whatever their length or last character (`有效的打击
  // 毒品犯罪` / `打击了毒品犯罪`). A second line opening on punctuation continues the first instead.
  if (
    cellPerLine &&
    groups.length === 2 &&
    groups[0]?.length === 1 &&
    groups[1]?.length === 1 &&
    !/^[，。、；：）)”]/.test(lines[1]?.text ?? '')
  )
    return { planned: groups[0], actual: groups[1] };
  // `严格执行相关政策,…预算编` / `制科学合理,减少结余资金。 全部完成。`: a planned text wrapped over
  // lines of one cell, its last line carrying the short actual beside it (Chromium prints through pdf.js).
  const lastLine = groups[groups.length - 1];
  if (groups.length >= 2 && lastLine?.length === 2 && groups.every((g, i) => i === groups.length - 1 || g.length === 1))
    return { planned: [...flatten(groups.slice(0, -1)), lastLine[0] as Token], actual: [lastLine[1] as Token] };
  const k = chooseSplit(lines);
  return { planned: flatten(groups.slice(0, k)), actual: flatten(groups.slice(k)) };
}
