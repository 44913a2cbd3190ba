/**
 * Finds ruled tables among a page's lines and cuts them into cells. A table is a connected set of
 * horizontal and vertical rules; its cell grid comes from the distinct rule positions, and two
 * neighbouring grid squares belong to one merged cell when no rule separates them — the drawn
 * borders are the most reliable signal for rowspan/colspan that a PDF carries.
 */
import type { PdfRule } from './read-page-rules.js';

/** Rules closer than this (points) are the same line (borders are ~0.75 pt, doubled borders ~2). */
const SAME_LINE = 2;
/** Rules whose ends are this close (points) touch. */
const TOUCH = 2.5;
/** Collinear pieces closer than this (points) are one line: dashed and dotted borders. */
const DASH_GAP = 5;

/** A table found on a page: its rules and the positions of its grid lines (points, top-down). */
export interface RuledTable {
  /** Drawn horizontal rules. */
  readonly h: PdfRule[];
  /** Rules added where a page break left the table open (see closeOpenEnds). */
  readonly virtualH: PdfRule[];
  readonly v: PdfRule[];
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Distinct x of its vertical rules, ascending; may be widened to a continued table's columns. */
  readonly xs: number[];
  /** Distinct y of its horizontal rules, ascending. */
  readonly ys: number[];
}

/** A merged cell in grid-line indices: it spans xs[col]..xs[col+colSpan], ys[row]..ys[row+rowSpan]. */
export interface TableCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** Clusters sorted numbers closer than `tol` and returns each cluster's mean. */
export function clusterPositions(values: readonly number[], tol = SAME_LINE): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (n > 0 && v - last > tol) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Joins rules of one direction that lie on the same line and overlap or touch. */
function mergeCollinear(rules: readonly PdfRule[]): PdfRule[] {
  const sorted = [...rules].sort((a, b) => a.pos - b.pos || a.from - b.from);
  const lines: PdfRule[][] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && r.pos - first.pos <= SAME_LINE) line.push(r);
    else lines.push([r]);
  }
  const out: PdfRule[] = [];
  for (const line of lines) {
    const pos = line.reduce((s, r) => s + r.pos, 0) / line.length;
    const byFrom = line.sort((a, b) => a.from - b.from);
    let cur: { from: number; to: number } | null = null;
    for (const r of byFrom) {
      if (cur && r.from <= cur.to + DASH_GAP) cur.to = Math.max(cur.to, r.to);
      else {
        if (cur) out.push({ dir: r.dir, pos, ...cur });
        cur = { from: r.from, to: r.to };
      }
    }
    const dir = line[0]?.dir;
    if (cur && dir) out.push({ dir, pos, ...cur });
  }
  return out;
}

function crosses(h: PdfRule, v: PdfRule): boolean {
  return v.pos >= h.from - TOUCH && v.pos <= h.to + TOUCH && h.pos >= v.from - TOUCH && h.pos <= v.to + TOUCH;
}

/**
 * A table cut by a page break has no border on its open side (Chromium draws none), but its
 * vertical rules run on to the page edge of the table; close that side with a virtual rule so
 * that the first or last row is a row like the others.
 */
function closeOpenEnds(h: readonly PdfRule[], v: readonly PdfRule[], xs: readonly number[]): PdfRule[] {
  const left = xs[0];
  const right = xs[xs.length - 1];
  const added: PdfRule[] = [];
  if (h.length === 0 || v.length === 0 || left === undefined || right === undefined) return added;
  const top = Math.min(...h.map((r) => r.pos));
  const bottom = Math.max(...h.map((r) => r.pos));
  const vTop = Math.min(...v.map((r) => r.from));
  const vBottom = Math.max(...v.map((r) => r.to));
  if (vTop < top - SAME_LINE * 2) added.push({ dir: 'h', pos: vTop, from: left, to: right });
  if (vBottom > bottom + SAME_LINE * 2) added.push({ dir: 'h', pos: vBottom, from: left, to: right });
  return added;
}

/**
 * Groups a page's rules into tables (at least two horizontal and two vertical grid lines),
 * ordered top to bottom. Rules that belong to no table (underlines, separators) are dropped.
 */
export function findRuledTables(rules: readonly PdfRule[]): RuledTable[] {
  const h = mergeCollinear(rules.filter((r) => r.dir === 'h'));
  const v = mergeCollinear(rules.filter((r) => r.dir === 'v'));
  const all = [...h, ...v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  // Sorting v by position lets each h look only at the verticals inside its x range.
  const vOrder = v.map((_, j) => j).sort((a, b) => (v[a]?.pos ?? 0) - (v[b]?.pos ?? 0));
  for (let i = 0; i < h.length; i++) {
    const hr = h[i];
    if (!hr) continue;
    for (const j of vOrder) {
      const vr = v[j];
      if (!vr || vr.pos < hr.from - TOUCH) continue;
      if (vr.pos > hr.to + TOUCH) break;
      if (crosses(hr, vr)) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, PdfRule[]>();
  all.forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  });
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    const gh = g.filter((r) => r.dir === 'h');
    const gv = g.filter((r) => r.dir === 'v');
    const xs = clusterPositions(gv.map((r) => r.pos));
    const virtualH = closeOpenEnds(gh, gv, xs);
    const ys = clusterPositions([...gh, ...virtualH].map((r) => r.pos));
    if (ys.length < 2 || xs.length < 2) continue;
    tables.push({
      h: gh,
      virtualH,
      v: gv,
      left: xs[0] ?? 0,
      right: xs[xs.length - 1] ?? 0,
      top: ys[0] ?? 0,
      bottom: ys[ys.length - 1] ?? 0,
      xs,
      ys,
    });
  }
  return tables.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Whether the rules at `pos` cover most (60 %) of the span a..b, so they separate its two sides. */
function ruled(rules: readonly PdfRule[], pos: number, a: number, b: number): boolean {
  const pieces = rules
    .filter((r) => Math.abs(r.pos - pos) <= SAME_LINE && r.to > a && r.from < b)
    .map((r) => [Math.max(a, r.from), Math.min(b, r.to)] as const)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a;
  for (const [from, to] of pieces) {
    if (to > end) {
      covered += to - Math.max(from, end);
      end = to;
    }
  }
  return covered >= (b - a) * 0.6;
}

/**
 * Cuts a table into merged cells, row-major. Each grid square joins its right neighbour when no
 * vertical rule separates them, and the resulting run joins the rows below while no horizontal
 * rule separates them, which reproduces rowspan/colspan of rectangular merges.
 */
export function cutTableCells(table: RuledTable): TableCell[] {
  const { xs, ys, v } = table;
  const h = [...table.h, ...table.virtualH];
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const taken = new Uint8Array(rows * cols);
  const vertical = (i: number, j: number): boolean => ruled(v, xs[j] ?? 0, ys[i] ?? 0, ys[i + 1] ?? 0);
  const horizontal = (i: number, j: number): boolean => ruled(h, ys[i] ?? 0, xs[j] ?? 0, xs[j + 1] ?? 0);
  const cells: TableCell[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (taken[i * cols + j]) continue;
      let colSpan = 1;
      while (j + colSpan < cols && !taken[i * cols + j + colSpan] && !vertical(i, j + colSpan)) {
        colSpan++;
      }
      let rowSpan = 1;
      const open = (r: number): boolean => {
        for (let c = j; c < j + colSpan; c++) {
          if (taken[r * cols + c] || horizontal(r, c)) return false;
        }
        return true;
      };
      while (i + rowSpan < rows && open(i + rowSpan)) rowSpan++;
      for (let r = i; r < i + rowSpan; r++) {
        for (let c = j; c < j + colSpan; c++) taken[r * cols + c] = 1;
      }
      cells.push({ row: i, col: j, rowSpan, colSpan });
    }
  }
  return cells;
}

/**
 * Whether a drawn rule closes grid columns col..col+colSpan at horizontal grid line `line`
 * (virtual rules do not count): a cell open at the top of a continued table is the rest of the
 * cell open at the bottom of the part before the page break.
 */
export function drawnAcross(table: RuledTable, line: number, col: number, colSpan: number): boolean {
  for (let c = col; c < col + colSpan; c++) {
    if (!ruled(table.h, table.ys[line] ?? 0, table.xs[c] ?? 0, table.xs[c + 1] ?? 0)) return false;
  }
  return true;
}
