import { addExtra, type ParseContext } from './form-draft.js';
import { displayWidth, joinWrapped } from './join-wrapped.js';
import { finishRows, fillRow, newRow, type Row } from './indicator-rows.js';
import { chooseColumns, readHeader, SCORING_RULE, trimEmpty } from './indicator-columns.js';
import { LevelTracker, rubricLevel2 } from './indicator-levels.js';
import { gapScore, segmentLines } from './segment-cells.js';
import { joinComparators, ROW_START, splitLineRows } from './split-line-rows.js';
import { autospaceGap } from './join-autospace.js';
import { joinUnits } from './join-units.js';
import { useToken, type LabelToken, type StreamCell, type Token } from './cell-stream.js';
import { expandGlued, joinBrokenPipeRows, settlePieces, toEvents, type PieceMap } from './indicator-events.js';
import { LEVEL1_NAMES, LEVEL2_NAMES, prefixesOf } from './vocabulary.js';

/**
 * The 绩效指标 table. Category labels (一级/二级指标, often printed vertically one character per
 * line) set the current level; each row is a 三级指标 name followed by the value columns the header
 * printed. PDF text wraps names, targets and notes over several lines; wrapped lines are given to
 * the row they continue, or, when they form a row of their own, split at the likeliest cell ends.
 * A line holding several rows (flattened tables) is cut by the shapes of its cells.
 */

const VALUE_LIKE = /^(?:[≥≤≧≦<>=＞＜﹦═]|\d|[-—/／]$)/;
const POINTS_ONLY = /^[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$/;
const NUMBER_ONLY = /^\d+(?:\.\d+)?$/;
/** A comma or enumeration comma closing a piece: the text goes on in the next line. */
const GOES_ON = /[,，、;；]$/;
const NO_TEXT = /^[^\p{L}\p{N}]*$/u;
/** A comparator (指标性质) or a symbol unit (度量单位): no letter, yet a value. */
const SPLIT_SYMBOL = /^(?:[≥≤≧≦<>=＞＜﹦═]{1,2}|[%％‰℃])$/;
/** A printed "none" (`/`, `—`) in a cell: no letter, yet the value of its column. */
const NONE_MARK = /^(?:[/／]|[-—–－]{1,2})$/;
const CATEGORIES = new Set([...LEVEL1_NAMES, ...LEVEL2_NAMES]);
const CATEGORY_PREFIXES = prefixesOf(CATEGORIES);
/** How short the first characters of a category cut off by the page's end are taken to be. */
const MAX_CUT_CATEGORY = 2;

/** Reads the indicator table from its region tokens into the draft. */
export function parseIndicators(anchor: LabelToken | null, tokens: readonly Token[], ctx: ParseContext): void {
  const { draft } = ctx;
  draft.hasBody = true;
  if (anchor !== null) {
    useToken(anchor);
    if (anchor.points !== null) addExtra(draft, `${anchor.key}(分值)`, `${anchor.points}分`);
  }
  const { printed, body, level2Column, pointsColumn } = readHeader(anchor, tokens, ctx);
  const columns = chooseColumns(printed, draft.scoredFunding, body, ctx);
  const kinds = columns.map((c) => c.kind);
  const width = columns.length;
  const ruleCol = columns.findIndex((c) => c.kind === 'extra' && c.label === '得分计算方法');
  const levels = new LevelTracker(ctx);
  // A category label can open the region when the header above it was lost.
  if (anchor !== null && (anchor.kinds.has('level1') || anchor.kinds.has('level2'))) levels.apply(anchor);
  const rows: Row[] = [];
  let pending: { text: string; cells: StreamCell[]; line: number }[] = [];

  const pieces: PieceMap = new Map();
  const events = joinBrokenPipeRows(expandGlued(toEvents(body), kinds, pieces, ctx), kinds);
  const lineEvents = events.filter((e) => e.kind === 'line');
  const singles = lineEvents.filter((e) => e.cells.length === 1).length;
  // The name column is the widest: its full width tells a finished short name from a wrapped one.
  const firstCells = lineEvents.map((e) => displayWidth(e.cells[0]?.text ?? ''));
  const nameWidth = firstCells.length >= 3 ? firstCells.reduce((a, b) => Math.max(a, b), 0) : 0;
  const cellPerLine = lineEvents.length >= 6 && singles / lineEvents.length >= 0.8;
  // One cell per line with blank notes left out: whether a text after 得分 is a note or the next
  // name shows only in the cells after it, so each category's cells are cut together by shape.
  const lastKind = kinds[width - 1];
  const shaped = kinds.some((k) => k === 'weight' || k === 'score' || k === 'nature');
  const byShape = cellPerLine && (lastKind === 'note' || lastKind === 'extra');
  // A target split into 指标性质/指标值/度量单位 prints `=` and `%` as cells of their own.
  const split = kinds.includes('nature') || kinds.includes('unit');
  let run: { text: string; cells: readonly StreamCell[] }[] = [];
  /**
   * Drops the wholly blank printed rows closing the run (hosts pad tables with them, 117): a row of
   * the table is its name and `width` values, so of the blank cells closing the run, whole rows'
   * worth are blank rows, and only the rest are blank columns of the last filled row. True when
   * some were dropped: no row runs across a blank row, so the run is cut there.
   */
  const dropBlankRows = (): boolean => {
    let blanks = 0;
    while (blanks < run.length && run[run.length - 1 - blanks]?.text === '') blanks += 1;
    if (blanks <= width) return false;
    run.length -= blanks - (blanks % (width + 1));
    return true;
  };

  const startRow = (name: string[], line: number): Row => {
    const row = newRow(levels.level1, levels.level2, name, line, width);
    rows.push(row);
    levels.rowAdded();
    return row;
  };
  const use = (cells: readonly StreamCell[]): void => cells.forEach((c) => (c.used = true));
  /**
   * A printed none kept for its column (one cell per line) says, in the note or an extra column,
   * that the cell is blank: such a `-` may as well be the next column's (023's `-` lines under its
   * rows), so no note is made of it. In a target or an actual it is the value as printed (`/`).
   */
  const blankNone = (col: number, text: string): string =>
    (kinds[col] === 'note' || kinds[col] === 'extra') && text.length <= 2 && NONE_MARK.test(text) ? '' : text;
  const last = (): Row | undefined => rows[rows.length - 1];

  /** Wrapped lines after a complete row: a row of their own, or the continuation of the last row. */
  const flushPending = (atEnd = false): void => {
    if (pending.length === 0) return;
    const texts = pending.map((p) => p.text);
    const prev = last();
    // `…程度较高 15 15` / `可` closing the table: a category's first characters, cut off where the
    // stored page ends (可持续影响指标), open the next row; they are no note of a finished row. Left
    // unplaced, so reported.
    const cut = texts.length === 1 ? (texts[0] ?? '') : '';
    if (
      atEnd &&
      cut.length <= MAX_CUT_CATEGORY &&
      CATEGORY_PREFIXES.has(cut) &&
      !CATEGORIES.has(cut) &&
      prev !== undefined &&
      kinds[prev.lastCol] === 'score'
    ) {
      pending = [];
      return;
    }
    // `指标5:… ≥5场 6场 2 1.5` / `受疫情影响部分活` / `动延期,下年度加强` / `统筹安排`: where rows are
    // numbered, unnumbered lines holding no value, with only text columns left in the row above,
    // are that row's note wrapped, not a row of their own (Chromium prints through pdf.js).
    const noteOfNumbered =
      pending.length >= 3 &&
      prev !== undefined &&
      prev.lastCol >= 0 &&
      ROW_START.test(prev.name[0] ?? '') &&
      kinds.slice(prev.lastCol + 1).every((k) => k === 'note' || k === 'extra') &&
      texts.every((t) => !ROW_START.test(t) && !VALUE_LIKE.test(t));
    // The rest of a 得分计算方法 wrapped over several lines is no row either.
    const ruleWrapped =
      pending.length >= 3 && prev !== undefined && prev.lastCol === ruleCol && SCORING_RULE.test(joinWrapped(texts));
    const groups =
      pending.length >= 3 && !noteOfNumbered && !ruleWrapped ? segmentLines(texts, 3, 1 + width, nameWidth) : null;
    // Lines right under a new category cannot continue a row of the category before.
    const fresh = prev === undefined || levels.rowsInLevel === 0;
    if (groups !== null || fresh) {
      if (groups === null) {
        // Text before any category is no row; it is reported as unplaced.
        if (levels.level1 === '' && levels.level2 === '') {
          pending = [];
          return;
        }
        startRow([joinWrapped(texts)], pending[0]?.line ?? 0);
      } else {
        const [nameIdx = [], ...valueIdx] = groups;
        const row = startRow(
          nameIdx.map((i) => texts[i] ?? ''),
          pending[0]?.line ?? 0,
        );
        valueIdx.forEach((idx, k) => fillRow(row, [joinWrapped(idx.map((i) => texts[i] ?? ''))], k));
      }
    } else if (prev !== undefined) {
      const lastPiece =
        prev.lastCol < 0 ? (prev.name[prev.name.length - 1] ?? '') : (prev.values[prev.lastCol]?.at(-1) ?? '');
      const nextCol = prev.lastCol + 1;
      const text = joinWrapped(texts);
      // `资产系统报送数据准确` / `≥99% 100%` / `率`: the end of a name that filled its column's width,
      // printed after the row's values (LibreOffice prints through pdftotext -raw).
      const nameEnd = prev.name[prev.name.length - 1] ?? '';
      // `受疫情影响部分活动延期,` / `下年度加强统筹安排`: a cell that ends on a comma goes on in the
      // next line, even when the row's name filled its column (Word prints through pdf.js).
      const endsName =
        nameWidth > 0 &&
        texts.length === 1 &&
        displayWidth(nameEnd) === nameWidth &&
        displayWidth(text) < nameWidth &&
        !GOES_ON.test(lastPiece);
      if (ruleCol >= 0 && SCORING_RULE.test(text)) fillRow(prev, [text], ruleCol);
      else if (endsName && prev.lastCol >= 0) prev.name.push(text);
      else if (prev.lastCol >= 0 && gapScore(lastPiece, texts[0] ?? '') >= 1 && nextCol < width)
        fillRow(prev, [text], nextCol);
      else if (prev.lastCol < 0) prev.name.push(text);
      else prev.values[prev.lastCol]?.push(text);
    }
    pending.forEach((p) => use(p.cells));
    pending = [];
  };

  /** A line holding a whole row, or several (flattened tables). */
  const readLine = (cells: StreamCell[], line: number, namePrefix = false): void => {
    // With a 度量单位 column a unit is a cell of its own; without one it is part of its value.
    const texts = kinds.includes('nature')
      ? cells.map((c) => c.text)
      : joinUnits(joinComparators(cells.map((c) => c.text)));
    const n = texts.length;
    // `全年免费开放 100% 100% 12.5 12.5 定量指标计算:…` under `… 未完成原因 得分计算方法` with the
    // reason left blank: a line short of the full row that ends in a scoring rule is read without
    // it, and the rule goes to its own column, not to the column after the values (the last of
    // which, a value, it follows).
    const rule = cells[cells.length - 1];
    // A rule of two paragraphs (`定量指标计算:…` `定性指标计算:…`) flattened into two cells is one rule:
    // its first paragraph is no 未完成原因, the column before the rule's.
    const ruleCells =
      ruleCol >= 0 && n >= 4 && cells[cells.length - 2]?.text === texts[n - 2] && SCORING_RULE.test(texts[n - 2] ?? '')
        ? 2
        : 1;
    if (
      ruleCol >= 0 &&
      cells.length >= 2 + ruleCells &&
      n - ruleCells + 1 <= width &&
      rule !== undefined &&
      rule.text === texts[n - 1] &&
      VALUE_LIKE.test(texts[n - 1 - ruleCells] ?? '') &&
      SCORING_RULE.test(rule.text)
    ) {
      const ruleParts = cells.slice(-ruleCells);
      readLine(cells.slice(0, -ruleCells), line, namePrefix);
      const row = last();
      if (row !== undefined) {
        fillRow(row, [joinWrapped(ruleParts.map((c) => c.text))], ruleCol);
        use(ruleParts);
        return;
      }
    }
    // A pipe row keeps its columns: one bare number past the header's last column is an unlabelled
    // 得分 (`| 指标1:培训 | 已完成 | 已完成 | 5 |`; finishRows decides over the table), not a name
    // printed over two cells. So it is on any row when the header printed that column's points
    // (`… 实际完成指标值 50`), white space between cells then being as telling as bars.
    if (
      !shaped &&
      pending.length === 0 &&
      n === width + 2 &&
      (cells[0]?.pipe === true || pointsColumn) &&
      NUMBER_ONLY.test(texts[n - 1] ?? '') &&
      !ROW_START.test(texts[1] ?? '')
    ) {
      const row = startRow([texts[0] ?? ''], line);
      overflow(row, fillRow(row, texts.slice(1), 0), line);
      use(cells);
      return;
    }
    // Numeric columns (分值, 得分, 指标性质) show where a row's cells are even when one is blank.
    const several = n > width + 1 || texts.slice(1).some((t) => ROW_START.test(t)) || (shaped && n >= 3);
    const split = several ? splitLineRows(texts, kinds, pending.length > 0) : null;
    if (split !== null) {
      for (const part of split) {
        let name = part.name.map((i) => texts[i] ?? '');
        // A pipe row keeps its columns: of two name cells under a printed 二级指标 column, the first
        // is the level 2 when it names no category of the vocabulary (`| 项目立项 | 相关性 | 2 | — | …`).
        if (
          level2Column &&
          name.length === 2 &&
          cells[0]?.pipe === true &&
          !ROW_START.test(name[0] ?? '') &&
          levels.takesLevel2Cell()
        ) {
          flushPending();
          levels.applyCell(name[0] ?? '', line);
          name = name.slice(1);
        }
        let row: Row;
        // `指标1:禁毒舞台剧` / `宣传的场次 ≥1场 …`: a numbered name wrapped onto its values' line.
        const prev = part === split[0] ? last() : undefined;
        const wrapped =
          prev !== undefined &&
          prev.lastCol < 0 &&
          levels.rowsInLevel > 0 &&
          ROW_START.test(prev.name[0] ?? '') &&
          !ROW_START.test(name[0] ?? '');
        if (wrapped && prev !== undefined) {
          flushPending();
          prev.name.push(...name);
          row = prev;
        } else if (name.length === 0 || (namePrefix && part === split[0])) {
          row = startRow([...pending.map((p) => p.text), ...name], pending[0]?.line ?? line);
          pending.forEach((p) => use(p.cells));
          pending = [];
        } else {
          flushPending();
          row = startRow(name, line);
        }
        fillRow(
          row,
          part.values.map((cells) => joinWrapped(cells.map((i) => texts[i] ?? ''))),
          0,
        );
      }
      use(cells);
      return;
    }
    // `指标1:修缮建筑数量 <long target> <long actual>` / `7 7`: the row's 分值 and 得分 wrapped onto
    // a line of their own (118). Bare numbers name no row; they go on in the row before when its
    // next columns are numeric ones.
    const above = last();
    if (
      pending.length === 0 &&
      above !== undefined &&
      above.lastCol >= 0 &&
      levels.rowsInLevel > 0 &&
      texts.every((t) => NUMBER_ONLY.test(t)) &&
      kinds.slice(above.lastCol + 1, above.lastCol + 1 + n).filter((k) => k === 'weight' || k === 'score').length === n
    ) {
      fillRow(above, texts, above.lastCol + 1);
      use(cells);
      return;
    }
    const nameFromPending = pending.length > 0 && (n < width || (n === width && VALUE_LIKE.test(texts[0] ?? '')));
    if (nameFromPending) {
      splitOffWrappedName();
      const row = startRow(
        pending.map((p) => p.text),
        pending[0]?.line ?? line,
      );
      pending.forEach((p) => use(p.cells));
      pending = [];
      overflow(row, fillRow(row, texts, 0), line);
    } else {
      const wrapped = wrappedNameStart(texts[0] ?? '');
      flushPending();
      const nameCount = Math.max(1, n - width);
      const row = startRow([...wrapped.map((p) => p.text), ...texts.slice(0, nameCount)], wrapped[0]?.line ?? line);
      wrapped.forEach((p) => use(p.cells));
      overflow(row, fillRow(row, texts.slice(nameCount), 0), line);
    }
    use(cells);
  };

  /** Where the run of pending lines as wide as the name column, ending right before `end`, begins. */
  const fullWidthFrom = (end: number): number => {
    let k = end;
    while (k > 0 && displayWidth(pending[k - 1]?.text ?? '') === nameWidth) k -= 1;
    return k;
  };

  /**
   * `≧1 次 5` / `因受疫情影响，减` / `少人员聚集` / `每月组织社区矫正人员集中` / `学习、教育培训` /
   * `≧1 次 10` (LibreOffice prints through pdftotext -raw): a row's values on a line of their own,
   * then its note, then the next name wrapped at the column's edge. When the pending lines before a
   * line of values hold a name that wrapped (a full-width line, then its end), the lines before that
   * name continue the row above and are flushed to it; the name stays pending for the new row.
   */
  const splitOffWrappedName = (): void => {
    const prev = last();
    if (nameWidth === 0 || pending.length < 2 || prev === undefined || prev.lastCol < 0) return;
    if (levels.rowsInLevel === 0) return;
    const k = fullWidthFrom(pending.length - 1);
    if (k === 0 || k === pending.length - 1) return;
    const name = pending.slice(k);
    pending = pending.slice(0, k);
    flushPending();
    pending = name;
  };

  /**
   * `社区矫正人员每月参加公益` / `活动 ≧1次 5`: text extracted line by line from a PDF (pdftotext
   * -raw) wraps a long name at the column's edge, its first lines alone, the rest on the line of its
   * values. Pending lines that fill the name column's whole width, right before such a row, begin
   * its name (they are taken out of `pending`); the lines before them still continue the row above
   * (`人员聚集`, the end of its note). A line narrower than the column ended where it did: not taken.
   */
  const wrappedNameStart = (name: string): { text: string; cells: StreamCell[]; line: number }[] => {
    if (nameWidth === 0 || pending.length === 0 || displayWidth(name) >= nameWidth) return [];
    const k = fullWidthFrom(pending.length);
    const taken = pending.slice(k);
    pending = pending.slice(0, k);
    return taken;
  };

  /** Cuts the buffered one-cell lines into rows by cell shapes; reads them in turn when they do not fit. */
  const flushRun = (): void => {
    dropBlankRows();
    // 得分计算方法 text sits after its row's numbers; it is set aside and given to that row.
    const isRule = (text: string): boolean => ruleCol >= 0 && SCORING_RULE.test(text);
    const parts = run.filter((r) => !isRule(r.text));
    const rules = run.flatMap((r, k) =>
      isRule(r.text) ? [{ r, before: k - run.slice(0, k).filter((x) => isRule(x.text)).length }] : [],
    );
    run = [];
    const cut =
      parts.length === 0
        ? null
        : splitLineRows(
            parts.map((r) => r.text),
            kinds,
            false,
          );
    if (cut === null) {
      for (const p of [...parts, ...rules.map((x) => x.r)]) readCellPerLine(p.text, p.cells, true);
      return;
    }
    const made = cut.map((part) => {
      const row = startRow(
        part.name.map((i) => parts[i]?.text ?? ''),
        parts[part.name[0] ?? 0]?.cells[0]?.line ?? 0,
      );
      fillRow(
        row,
        part.values.map((idx, col) => blankNone(col, joinWrapped(idx.map((i) => parts[i]?.text ?? '')))),
        0,
      );
      return { row, end: Math.max(...part.name, ...part.values.flat()) + 1 };
    });
    for (const { r, before } of rules) {
      const owner = [...made].reverse().find((m) => m.end <= before) ?? made[0];
      if (owner !== undefined) fillRow(owner.row, [r.text], ruleCol);
    }
    for (const p of [...parts, ...rules.map((x) => x.r)]) use(p.cells);
  };

  /**
   * `… 12.5 12.5 定量指标计算:完成值达到指标值,` / `记满分;未达到指标值,按 B/A 或`: after a row that ended
   * in its 得分计算方法, a line whose cells are apart only where CJK meets Latin text (the gap Word
   * prints) is that rule wrapped, one line of text, not a row.
   */
  const ruleGoesOn = (cells: readonly StreamCell[]): boolean => {
    const row = last();
    if (cells.length < 2 || ruleCol < 0 || row === undefined || row.lastCol !== ruleCol) return false;
    if (cells[0]?.pipe === true || ROW_START.test(cells[0]?.text ?? '')) return false;
    return cells.every((c, i) => i === 0 || autospaceGap(cells[i - 1]?.text ?? '', c.text));
  };

  /** The line event already read as the values of a waiting row. */
  let valuesRead = -1;
  for (const [k, event] of events.entries()) {
    if (k === valuesRead) continue;
    if (event.kind === 'level') {
      // `指标2:毛发检查试剂` / `数量 ≥2400份 3200份 12 12`: a numbered name still waiting for its
      // values, continued on their line by a word that is also a category (数量): no category stands
      // between a name and its values, nor heads a line of values without a name; the word is the name's.
      const waiting = last();
      const next = events[k + 1];
      if (
        !cellPerLine &&
        pending.length === 0 &&
        waiting !== undefined &&
        waiting.lastCol < 0 &&
        levels.rowsInLevel > 0 &&
        ROW_START.test(waiting.name[0] ?? '') &&
        next?.kind === 'line' &&
        next.line === event.token.line &&
        VALUE_LIKE.test(next.cells[0]?.text ?? '')
      ) {
        waiting.name.push(event.token.cells.map((c) => c.text).join(''));
        use(event.token.cells);
        const values = next.cells.map((c) => c.text);
        overflow(
          waiting,
          fillRow(waiting, kinds.includes('nature') ? values : joinUnits(joinComparators(values)), 0),
          next.line,
        );
        use(next.cells);
        valuesRead = k + 1;
        continue;
      }
      flushPending();
      // Rows still buffered in the run stand under the current category, so a category label after
      // them is never "printed again right under itself" (115 served one cell per line: 数量指标
      // repeated on the level's second row is the level, not the first row's note).
      if (run.some((r) => r.text !== '') || !levels.isIndicatorName(event.token)) flushRun();
      if (levels.apply(event.token)) continue;
      const cells = [...event.token.cells];
      const text = joinWrapped(cells.map((c) => c.text));
      if (cellPerLine) readCellPerLine(text, cells);
      else pending.push({ text, cells, line: event.token.line });
      continue;
    }
    const cells = trimEmpty(event.cells);
    if (byShape && cells.length === 0 && (rows.length > 0 || run.length > 0)) {
      run.push({ text: '', cells: [] });
      continue;
    }
    if (cellPerLine && cells.length === 0 && rows.length > 0) {
      // An NBSP-only line: an empty cell that still takes its column.
      const row = last();
      if (row !== undefined && row.lastCol + 1 < width) fillRow(row, [''], row.lastCol + 1);
      continue;
    }
    if (cells.length === 1 && POINTS_ONLY.test(cells[0]?.text ?? '')) {
      // A level-1 label lost in extraction leaves only its points: a new level 1 starts here.
      flushPending();
      flushRun();
      addExtra(draft, '一级指标(分值)', cells[0]?.text ?? '');
      use(cells);
      levels.lost();
      continue;
    }
    // One cell per line: a printed `/` or `—` takes its column like any value (a pipe row keeps
    // `| 名称 | / | 已完成 |`); dropped, the cells after it would shift into its column.
    const only = cells.length === 1 ? (cells[0]?.text ?? '') : '';
    const noneCell = cellPerLine && only.length > 0 && only.length <= 2 && NONE_MARK.test(only);
    if (!noneCell && cells.every((c) => NO_TEXT.test(c.text) && !(split && SPLIT_SYMBOL.test(c.text)))) {
      use(event.cells);
      continue;
    }
    const first = cells[0];
    if (cellPerLine && first !== undefined) {
      readCellPerLine(first.text, [first]);
      continue;
    }
    if (ruleGoesOn(cells) && event.rowStart !== true) {
      pending.push({ text: joinWrapped(cells.map((c) => c.text)), cells, line: event.line });
      continue;
    }
    if (cells.length === 1 && first !== undefined) {
      // `指标3:…` or a one-cell pipe row opens a row of its own; other lines may be wrapped text.
      const rule = ruleCol >= 0 && SCORING_RULE.test(first.text);
      if (!rule && (ROW_START.test(first.text) || first.pipe || event.rowStart)) {
        flushPending();
        startRow([first.text], event.line);
        use(cells);
      } else pending.push({ text: first.text, cells, line: event.line });
      continue;
    }
    // `财务管理财务管理制度有效性7一…`: the category printed again, glued onto the first row of a
    // glued run on its line, begins that row's name (财务管理制度有效性), not a row of its own.
    const prefix = pending[pending.length - 1];
    const namePrefix =
      event.gluedFirst === true && pending.length === 1 && prefix !== undefined && prefix.line === event.line;
    if (event.rowStart && !namePrefix) flushPending();
    readLine(cells, event.line, namePrefix);
  }
  flushPending(true);
  flushRun();

  function overflow(row: Row, extra: readonly string[], line: number): void {
    if (extra.length === 0) return;
    if (extra.length === 1 && row.trailing === null && NUMBER_ONLY.test(extra[0] ?? '')) {
      row.trailing = extra[0] ?? null;
      return;
    }
    const raw = extra.join(' ');
    addExtra(draft, `${joinWrapped(row.name)}(多出的值)`, raw);
    ctx.log.add(
      'indicator-extra-values',
      'warning',
      `指标"${joinWrapped(row.name)}"的数值多于表头列数，多出的"${raw}"已放入 extras，请核对列对应关系。`,
      line,
      raw,
      { form: ctx.form },
    );
  }

  function readCellPerLine(text: string, cells: readonly StreamCell[], now = false): void {
    if (byShape && !now) {
      if (dropBlankRows()) flushRun();
      run.push({ text, cells });
      return;
    }
    const row = last();
    const filled = row === undefined ? width : row.lastCol + 1;
    const line = cells[0]?.line ?? 0;
    // A category label or `指标3:` closes the row before, even when its last cells were blank.
    if (row !== undefined && ruleCol >= 0 && SCORING_RULE.test(text)) fillRow(row, [text], ruleCol);
    else if (row !== undefined && (ROW_START.test(text) || levels.rowsInLevel === 0)) startRow([text], line);
    else if (row !== undefined && filled < width) fillRow(row, [blankNone(filled, text)], filled);
    else if (row !== undefined && NUMBER_ONLY.test(text)) overflow(row, [text], line);
    else startRow([text], line);
    use(cells);
  }

  settlePieces(pieces);
  levels.reportMissing(rows);
  finishRows(rubricLevel2(rows, ctx), columns, ctx);
}
