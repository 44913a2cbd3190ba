/**
 * `word/document.xml` (parsed by fast-xml-parser with `preserveOrder`) → Grid. Tables become rows
 * of cells with `w:gridSpan` as colSpan and `w:vMerge` restart/continue as rowSpan; several tables
 * are stacked one under another; paragraphs outside tables become `grid.outside` lines.
 */
import type { ImportIssue } from '../import-result.js';
import type { Grid, GridCell } from '../grid/grid.js';
import { capCellText, MAX_CELLS, MAX_SPAN, tooManyCells } from '../grid/grid-limits.js';

/** One node of fast-xml-parser's ordered output: `{ 'w:p': [...children], ':@': { '@_w:val': … } }`. */
export type XmlNode = Record<string, unknown>;

const nameOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};
const attrOf = (node: XmlNode, attr: string): string | undefined => {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[`@_${attr}`];
  return value === undefined ? undefined : String(value);
};
const childNamed = (node: XmlNode, name: string): XmlNode | undefined =>
  childrenOf(node).find((c) => nameOf(c) === name);

/** Children, looking through content controls (`w:sdt` → `w:sdtContent`) and similar wrappers. */
function flatChildren(node: XmlNode): XmlNode[] {
  return childrenOf(node).flatMap((child) => {
    const name = nameOf(child);
    if (name === 'w:sdt') return flatChildren(childNamed(child, 'w:sdtContent') ?? {});
    if (name === 'w:customXml' || name === 'w:smartTag') return flatChildren(child);
    return [child];
  });
}

const SKIPPED = new Set([
  'w:pPr',
  'w:rPr',
  'w:tcPr',
  'w:trPr',
  'w:tblPr',
  'w:del',
  'w:delText',
  'w:instrText',
  'w:fldChar',
  'mc:Fallback',
]);

/** The text of a paragraph: runs, tracked insertions, hyperlinks …; `w:br` is a line break. */
function paragraphText(node: XmlNode): string {
  let out = '';
  const walk = (n: XmlNode): void => {
    const name = nameOf(n);
    if (SKIPPED.has(name)) return;
    if (name === 'w:t') {
      for (const c of childrenOf(n)) if (typeof c['#text'] === 'string') out += c['#text'];
      return;
    }
    if (name === 'w:tab') out += '\t';
    else if (name === 'w:br' || name === 'w:cr') out += '\n';
    for (const c of childrenOf(n)) walk(c);
  };
  walk(node);
  return out;
}

/** The text of every paragraph of a part (a page header, footnotes …), tables included, one per line. */
export function partText(tree: readonly XmlNode[]): string {
  const lines: string[] = [];
  const walk = (n: XmlNode): void => {
    if (nameOf(n) === 'w:p') lines.push(paragraphText(n));
    else for (const child of flatChildren(n)) walk(child);
  };
  for (const node of tree) walk(node);
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** All text in a cell: its paragraphs, and those of nested tables, one per line. */
function cellTextOf(tc: XmlNode): string {
  const lines: string[] = [];
  const walk = (n: XmlNode): void => {
    for (const child of flatChildren(n)) {
      const name = nameOf(child);
      if (name === 'w:p') lines.push(paragraphText(child));
      else if (name === 'w:tbl' || name === 'w:tr' || name === 'w:tc') walk(child);
    }
  };
  walk(tc);
  return lines.join('\n');
}

interface MutableCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  location: string;
}

/** Builds the grid; issues for cut cells are returned beside it. Never throws on odd XML. */
export function docxToGrid(document: readonly XmlNode[], file: string): { grid: Grid; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const rows: MutableCell[][] = [];
  const outside: { text: string; location: string; beforeRow: number }[] = [];
  let cellCount = 0;
  let tableCount = 0;
  let paragraphCount = 0;
  const root = document.find((n) => nameOf(n) === 'w:document');
  const body = root === undefined ? undefined : childNamed(root, 'w:body');

  const addTable = (tbl: XmlNode): void => {
    tableCount += 1;
    const open = new Map<number, MutableCell>();
    let rowInTable = 0;
    for (const tr of flatChildren(tbl).filter((n) => nameOf(n) === 'w:tr')) {
      const r = rows.length;
      rowInTable += 1;
      const row: MutableCell[] = [];
      const trPr = childNamed(tr, 'w:trPr');
      const before = trPr === undefined ? undefined : childNamed(trPr, 'w:gridBefore');
      // Both bounded: a hostile w:gridBefore or w:gridSpan would be walked column by column.
      let col = Math.min(MAX_SPAN, Math.max(0, Number(before === undefined ? 0 : (attrOf(before, 'w:val') ?? 0)) || 0));
      for (const tc of flatChildren(tr).filter((n) => nameOf(n) === 'w:tc')) {
        const tcPr = childNamed(tc, 'w:tcPr');
        const spanNode = tcPr === undefined ? undefined : childNamed(tcPr, 'w:gridSpan');
        const span = Math.min(
          MAX_SPAN,
          Math.max(1, Number(spanNode === undefined ? 1 : attrOf(spanNode, 'w:val')) || 1),
        );
        const vMerge = tcPr === undefined ? undefined : childNamed(tcPr, 'w:vMerge');
        const location = `表${tableCount} 第${rowInTable}行第${col + 1}列`;
        const text = capCellText(cellTextOf(tc), file, location, issues);
        const above = open.get(col);
        if (vMerge !== undefined && attrOf(vMerge, 'w:val') !== 'restart' && above !== undefined) {
          above.rowSpan = r - above.row + 1;
          if (text.trim() !== '') above.text = above.text === '' ? text : `${above.text}\n${text}`;
        } else if (cellCount < MAX_CELLS) {
          const cell: MutableCell = { row: r, col, rowSpan: 1, colSpan: span, text, location };
          cellCount += 1;
          row.push(cell);
          for (let c = col; c < col + span; c += 1) open.set(c, cell);
        }
        col += span;
      }
      rows.push(row);
    }
  };

  const walk = (nodes: readonly XmlNode[]): void => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'w:tbl') addTable(node);
      else if (name === 'w:p') {
        paragraphCount += 1;
        for (const line of paragraphText(node).split('\n')) {
          const location = `第${paragraphCount}段`;
          if (line.trim() !== '')
            outside.push({ text: capCellText(line, file, location, issues), location, beforeRow: rows.length });
        }
      }
    }
  };
  if (body !== undefined) walk(flatChildren(body));
  if (cellCount >= MAX_CELLS) issues.push(tooManyCells(file));
  const grid: Grid = { file, rows: rows.map((row) => row.map((c): GridCell => ({ ...c }))), outside };
  return { grid, issues };
}
