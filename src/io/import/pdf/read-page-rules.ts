/**
 * Reads the drawn table lines of a page from its pdfjs operator list. Table borders reach PDFs in
 * two ways: as stroked lines (Word, LibreOffice) or as thin filled rectangles (Chromium/Skia).
 * Both become axis-aligned rules in top-down page coordinates (points, origin at the top-left).
 */
import type { PdfPage } from './load-pdfjs.js';
import { loadPdfjs } from './load-pdfjs.js';

/** A horizontal (`h`: y = pos, x from..to) or vertical (`v`: x = pos, y from..to) line. */
export interface PdfRule {
  readonly dir: 'h' | 'v';
  readonly pos: number;
  readonly from: number;
  readonly to: number;
}

export interface PageGraphics {
  readonly rules: PdfRule[];
  /**
   * How many images the page paints; a page with images and no text looks scanned. 0 when the
   * document was opened without its images (PdfOpenOptions, the import's default).
   */
  readonly imageCount: number;
}

/** A PDF matrix [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** Thicker than this (points) a filled rectangle is a shaded area, not a line. */
const MAX_RULE_THICKNESS = 2.5;
/** Shorter than this (points) a segment is a glyph or dot, not a table line. */
const MIN_RULE_LENGTH = 1.5;
/** How far from exactly horizontal/vertical (points) a stroked segment may be. */
const AXIS_TOLERANCE = 0.5;

/** `m` applied after `n` (points go through n, then m) — PDF's `cm` concatenation. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

export function asMatrix(value: unknown): Matrix | null {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return null;
  const a = Array.from(value as ArrayLike<unknown>);
  if (a.length < 6 || !a.slice(0, 6).every((v) => typeof v === 'number')) return null;
  return a.slice(0, 6) as unknown as Matrix;
}

/** Splits a pdfjs path buffer into subpaths of points; a subpath with curves is dropped. */
function subpaths(buffer: ArrayLike<number>, close: boolean): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let curved = false;
  const finish = (): void => {
    if (!curved && current.length >= 4) out.push(current);
    current = [];
    curved = false;
  };
  for (let k = 0; k < buffer.length;) {
    const op = buffer[k++];
    if (op === 0) {
      finish();
      current.push(buffer[k] ?? 0, buffer[k + 1] ?? 0);
      k += 2;
    } else if (op === 1) {
      current.push(buffer[k] ?? 0, buffer[k + 1] ?? 0);
      k += 2;
    } else if (op === 2) {
      curved = true;
      k += 6;
    } else if (op === 3) {
      curved = true;
      k += 4;
    } else {
      // closePath: repeat the first point so that the closing edge becomes a segment.
      if (current.length >= 2) current.push(current[0] ?? 0, current[1] ?? 0);
      finish();
    }
  }
  if (close && current.length >= 2) current.push(current[0] ?? 0, current[1] ?? 0);
  finish();
  return out;
}

/**
 * Reads the rules and image count of a page. `view` is pdfjs' viewport transform at scale 1
 * (page user space → top-left origin, y down, page rotation applied), so output coordinates are
 * points on the page as displayed.
 */
export async function readPageGraphics(page: PdfPage, view: Matrix): Promise<PageGraphics> {
  const { OPS } = await loadPdfjs();
  const list = await page.getOperatorList();
  const rules: PdfRule[] = [];
  let imageCount = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];

  // Page transform (viewport × CTM), recomputed only when the CTM changes.
  let device: Matrix = view;
  let deviceOf: Matrix | null = null;
  const toPage = (x: number, y: number): [number, number] => {
    if (deviceOf !== ctm) {
      device = multiply(view, ctm);
      deviceOf = ctm;
    }
    const m = device;
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  };
  const addSegment = (x1: number, y1: number, x2: number, y2: number): void => {
    if (Math.abs(y1 - y2) <= AXIS_TOLERANCE && Math.abs(x2 - x1) >= MIN_RULE_LENGTH) {
      rules.push({ dir: 'h', pos: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    } else if (Math.abs(x1 - x2) <= AXIS_TOLERANCE && Math.abs(y2 - y1) >= MIN_RULE_LENGTH) {
      rules.push({ dir: 'v', pos: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
    }
  };
  const addFilled = (points: number[]): void => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i + 1 < points.length; i += 2) {
      const [x, y] = toPage(points[i] ?? 0, points[i + 1] ?? 0);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const w = maxX - minX;
    const h = maxY - minY;
    if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH && w > h) {
      rules.push({ dir: 'h', pos: (minY + maxY) / 2, from: minX, to: maxX });
    } else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH && h > w) {
      rules.push({ dir: 'v', pos: (minX + maxX) / 2, from: minY, to: maxY });
    }
  };

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args: unknown = list.argsArray[i];
    if (fn === OPS.save) {
      stack.push(ctm);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === OPS.transform) {
      const m = asMatrix(args);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = asMatrix(Array.isArray(args) ? args[0] : null);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === OPS.constructPath && Array.isArray(args)) {
      const [op, buffers] = args as [number, unknown];
      const buffer = Array.isArray(buffers) ? (buffers[0] as ArrayLike<number> | null) : null;
      if (!buffer) continue;
      const fills = op === OPS.fill || op === OPS.eoFill;
      const strokes = op === OPS.stroke || op === OPS.closeStroke;
      const both =
        op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
      const close = op === OPS.closeStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
      for (const points of subpaths(buffer, close)) {
        if (fills || both) addFilled(points);
        if (strokes || both) {
          for (let k = 0; k + 3 < points.length; k += 2) {
            const [x1, y1] = toPage(points[k] ?? 0, points[k + 1] ?? 0);
            const [x2, y2] = toPage(points[k + 2] ?? 0, points[k + 3] ?? 0);
            addSegment(x1, y1, x2, y2);
          }
        }
      }
    } else if (
      fn === OPS.paintImageXObject ||
      fn === OPS.paintInlineImageXObject ||
      fn === OPS.paintImageXObjectRepeat ||
      fn === OPS.paintInlineImageXObjectGroup
    ) {
      imageCount++;
    }
  }
  return { rules, imageCount };
}
