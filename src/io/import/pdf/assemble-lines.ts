/**
 * Turns positioned text pieces into lines of text: pieces on one baseline form a line, read left
 * to right; a visible gap between pieces becomes one space.
 */

/** A piece of text at a position (top-down points): `y` is the baseline, `size` the em height. */
export interface TextPiece {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** Where the visual middle of a glyph sits above its baseline, as a fraction of the font size. */
export const MIDDLE_ABOVE_BASELINE = 0.35;

/** Baselines closer than this fraction of the font size are one line. */
const SAME_BASELINE = 0.45;
/** A horizontal gap wider than this fraction of the font size separates Latin words. */
const WORD_GAP = 0.25;
/** A gap wider than this (fraction of the font size) separates fields, whatever the script. */
const FIELD_GAP = 1;

// Ideographs, kana, hangul and full-width forms: writers space them out (LibreOffice's CJK/Latin
// autospace, justified cells), but a gap next to one of them is layout, not a word break.
export const WIDE_CHAR = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** Whether a visible gap between `before` and `after` is a space between words. */
function separatesWords(before: string, after: string): boolean {
  const last = before.at(-1);
  const next = after[0];
  if (last === undefined || next === undefined || last === ' ' || next === ' ') return false;
  return !WIDE_CHAR.test(last) && !WIDE_CHAR.test(next);
}

export interface AssembledLine {
  readonly text: string;
  /** Baseline of the line's first piece. */
  readonly y: number;
  readonly x: number;
  /** Right end of the line's last piece. */
  readonly end: number;
  /** Font size of the line's first piece. */
  readonly size: number;
}

/**
 * Groups pieces into lines, top to bottom, each read left to right. O(n log n): pieces are sorted
 * by baseline once, then each line by x.
 */
export function assembleLines(pieces: readonly TextPiece[]): AssembledLine[] {
  const byY = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextPiece[][] = [];
  let lineY = -Infinity;
  for (const p of byY) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(p.y - lineY) <= SAME_BASELINE * p.size) group.push(p);
    else {
      groups.push([p]);
      lineY = p.y;
    }
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const p of group) {
      const gap = p.x - end;
      if (gap > FIELD_GAP * p.size || (gap > WORD_GAP * p.size && separatesWords(text, p.text))) {
        text += ' ';
      }
      text += p.text;
      end = Math.max(end, p.x + p.width);
    }
    const first = group[0];
    return { text: text.trim(), y: first?.y ?? 0, x: first?.x ?? 0, end, size: first?.size ?? 0 };
  });
}

/**
 * A line whose width is within this many em of the cell's width was broken by the width (the
 * slack covers the padding and a last group that moved down whole, such as `9%` of `94.59%`).
 */
const FULL_LINE = 3;

/**
 * The text of a table cell: its lines joined with `\n`, except where a number was cut by the
 * cell width (a full line ending in a digit, the next starting with one: `≥2` / `00家`), which
 * is joined directly because a number never wraps at a space. `left`..`right` are the cell's
 * edges; a line is full when it is nearly as wide as the cell, whatever its alignment.
 */
export function cellText(pieces: readonly TextPiece[], left: number, right: number): string {
  let text = '';
  let previous: AssembledLine | undefined;
  for (const line of assembleLines(pieces)) {
    const cutNumber =
      previous !== undefined &&
      previous.end - previous.x >= right - left - FULL_LINE * previous.size &&
      /[0-9.,]$/.test(previous.text) &&
      /^[0-9.,%]/.test(line.text);
    text += previous === undefined || cutNumber ? line.text : `\n${line.text}`;
    previous = line;
  }
  return text;
}

/**
 * Joins the lines of a centred heading that wrapped (`一般行政管理事务项目支出绩效目标` /
 * `自评表`): consecutive lines of one size, one line apart, centred on the same axis but not
 * starting at the same x (a left-aligned paragraph's full lines share both). Other lines, such
 * as the items of 备注, stay separate.
 */
export function joinWrappedHeadings(lines: readonly AssembledLine[]): AssembledLine[] {
  const out: AssembledLine[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    const centred =
      last !== undefined &&
      Math.abs(last.size - line.size) <= 0.5 &&
      line.y - last.y <= 1.8 * line.size &&
      Math.abs((last.x + last.end) / 2 - (line.x + line.end) / 2) <= 0.5 * line.size &&
      Math.abs(last.x - line.x) > line.size;
    if (last && centred) {
      const space = separatesWords(last.text, line.text) ? ' ' : '';
      out[out.length - 1] = { ...last, text: last.text + space + line.text, end: Math.max(last.end, line.end) };
    } else {
      out.push(line);
    }
  }
  return out;
}
