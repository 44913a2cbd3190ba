/**
 * An HTML page (parsed by parse5, as a browser would) → Grid. Published forms are web pages as
 * often as PDFs: the page of a 决算公开 notice, or Word/Excel "save as web page". Tables become rows
 * of cells with `colspan`/`rowspan` placed the way a browser lays them out; several tables are
 * stacked one under another; text outside tables becomes `grid.outside` lines. Nested tables are
 * read as the text of their cell, except in a layout table (below).
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { ImportIssue } from '../import-result.js';
import type { Grid, GridCell } from '../grid/grid.js';
import { capCellText, MAX_CELLS, MAX_SPAN, tooManyCells } from '../grid/grid-limits.js';

import { attr, childrenOf, isElement, type Element, type Node } from './html-nodes.js';

/** Elements whose content is never shown as text. */
const HIDDEN = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'select', 'object']);
/** Elements that start and end a line of text (the block elements of a form page). */
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'form',
  'hr',
  'center',
  'address',
  'caption',
  'figure',
  'figcaption',
  'fieldset',
  'body',
  'html',
  'tr',
  'td',
  'th',
  'table',
  'tbody',
  'thead',
  'tfoot',
]);

/** Excel's "save as web page" keeps hidden rows and columns, marked `display:none`; no reader sees them. */
const isHiddenByStyle = (el: Element): boolean => /display\s*:\s*none/i.test(attr(el, 'style') ?? '');

function span(el: Element, name: string): number {
  const n = Number.parseInt(attr(el, name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * Collects text the way it is shown: runs of white space are one space, `<br>` and block elements
 * break lines, non-breaking and other odd spaces are spaces. `lines()` gives the non-empty lines.
 */
class TextLines {
  #lines: string[] = [];
  #current = '';

  text(value: string, pre: boolean): void {
    const shown = value.replace(/[\u00a0\u2002-\u200a\u202f\u205f]/g, ' ');
    if (pre) {
      const parts = shown.split(/\r?\n/);
      parts.forEach((part, i) => {
        if (i > 0) this.breakLine();
        this.#current += part;
      });
    } else this.#current += shown.replace(/[ \t\r\n\f]+/g, ' ');
  }

  breakLine(): void {
    const line = this.#current.replace(/ {2,}/g, ' ').trim();
    if (line !== '') this.#lines.push(line);
    this.#current = '';
  }

  lines(): string[] {
    this.breakLine();
    const out = this.#lines;
    this.#lines = [];
    return out;
  }
}

/**
 * Walks a subtree in document order, feeding its shown text to `into`; a table is handed to
 * `onTable` when given (else read as text, as inside a cell). Iterative, not recursive: a page
 * nested ten thousand elements deep must not overflow the stack.
 */
function walkText(root: Node, into: TextLines, onTable?: (table: Element) => void): void {
  const stack: ({ readonly node: Node; readonly pre: boolean } | 'break')[] = [{ node: root, pre: false }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step === 'break') {
      into.breakLine();
      continue;
    }
    const { node, pre } = step;
    if (node.nodeName === '#text') {
      into.text((node as DefaultTreeAdapterTypes.TextNode).value, pre);
      continue;
    }
    if (!isElement(node) || HIDDEN.has(node.tagName) || isHiddenByStyle(node)) continue;
    if (node.tagName === 'br') {
      into.breakLine();
      continue;
    }
    if (node.tagName === 'table' && onTable) {
      onTable(node);
      continue;
    }
    if (BLOCK.has(node.tagName)) {
      into.breakLine();
      stack.push('break');
    }
    const children = childrenOf(node);
    const childPre = pre || node.tagName === 'pre';
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i] as Node, pre: childPre });
  }
}

/** The rows of a table, in order: its own `tr`s (directly or in thead/tbody/tfoot), not nested ones. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childrenOf(table)) {
    if (!isElement(child)) continue;
    if (isHiddenByStyle(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot')
      for (const tr of childrenOf(child))
        if (isElement(tr) && tr.tagName === 'tr' && !isHiddenByStyle(tr)) rows.push(tr);
  }
  return rows;
}

/** The tables inside a table's cells (not inside those tables' own cells), in document order. */
function nestedTables(table: Element): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [...childrenOf(table)].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node)) continue;
    if (node.tagName === 'table') found.push(node);
    else for (let i = childrenOf(node).length - 1; i >= 0; i -= 1) stack.push(childrenOf(node)[i] as Node);
  }
  return found;
}

/**
 * Older government sites lay their pages out with tables: the article, and the form in it, sit in
 * a cell of a table of a few rows (navigation, article, footer). Read as a table, the form would be
 * the text of one cell. A table holding a table of more rows than its own is such a layout: its
 * content is read as a page is, and the tables in it as tables. A form with a small table in one
 * cell (more rows outside it than in it) stays one table.
 */
function isLayoutTable(table: Element): boolean {
  const own = rowsOf(table).length;
  return nestedTables(table).some((inner) => rowsOf(inner).length > own);
}

/** Builds the grid; issues for cut cells are returned beside it. Never throws on odd HTML. */
export function htmlToGrid(
  document: DefaultTreeAdapterTypes.Document,
  file: string,
): { grid: Grid; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const rows: GridCell[][] = [];
  const outside: { text: string; location: string; beforeRow: number }[] = [];
  const pending = new TextLines();
  let cellCount = 0;
  let tableCount = 0;
  let lineCount = 0;

  const flushOutside = (): void => {
    for (const line of pending.lines()) {
      lineCount += 1;
      const location = `第${lineCount}段`;
      outside.push({ text: capCellText(line, file, location, issues), location, beforeRow: rows.length });
    }
  };

  const addTable = (table: Element): void => {
    if (isLayoutTable(table)) {
      for (const child of childrenOf(table)) walkText(child, pending, addTable);
      return;
    }
    flushOutside();
    tableCount += 1;
    const first = rows.length;
    const trs = rowsOf(table);
    // busyUntil[c]: the first row (of this table) that column c is free again, after a rowspan.
    const busyUntil: number[] = [];
    trs.forEach((tr, r) => {
      const row: GridCell[] = [];
      let col = 0;
      for (const td of childrenOf(tr)) {
        if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th') || isHiddenByStyle(td)) continue;
        while ((busyUntil[col] ?? 0) > r) col += 1;
        const colSpan = span(td, 'colspan');
        const rowSpan = span(td, 'rowspan');
        const location = `表${tableCount} 第${r + 1}行第${col + 1}列`;
        const lines = new TextLines();
        walkText(td, lines);
        const text = capCellText(lines.lines().join('\n'), file, location, issues);
        if (cellCount < MAX_CELLS) {
          // A rowspan past the table's last row ends there, as a browser draws it.
          row.push({ row: first + r, col, rowSpan: Math.min(rowSpan, trs.length - r), colSpan, text, location });
          cellCount += 1;
        }
        for (let c = col; c < col + colSpan; c += 1) busyUntil[c] = r + rowSpan;
        col += colSpan;
      }
      rows.push(row);
    });
  };

  for (const child of document.childNodes) walkText(child, pending, addTable);
  flushOutside();
  if (cellCount >= MAX_CELLS) issues.push(tooManyCells(file));
  return { grid: { file, rows, outside }, issues };
}
