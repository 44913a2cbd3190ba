import { displayWidth } from './join-wrapped.js';

/**
 * Where one wrapped cell ends and the next begins, when a PDF printed a whole table row as a run of
 * one-cell lines (`公证业务服务主体数量` / `群众≥` / `5000人；公司` / `≥200家` / `接待办证…`).
 */

const OPENS = /[≥≤≧≦<>=＞＜﹦，、；：（(“‘]$/;
const CLOSES = /^[，。、；：）)”’%％]/;

/**
 * How likely a cell boundary lies between line a and line b: negative = impossible (a ends with a
 * comparator or an opening mark, b starts with a closing mark), higher = more likely.
 */
export function gapScore(a: string, b: string): number {
  if (OPENS.test(a) || CLOSES.test(b)) return -10;
  let score = 0;
  if (/[。！？!?]$/.test(a)) score += 2;
  if (/\d[%％‰]?[\u4e00-\u9fff]{0,2}$/.test(a)) score += 2;
  if (/^[≥≤≧≦<>=＞＜﹦\d]/.test(b)) score += 1;
  return score;
}

/** Penalty per group beyond the three (name, target, actual) a row needs. */
const EXTRA_GROUP_COST = 1.5;
/** Runs longer than this are not segmented (bounded time; such runs are not one row). */
const MAX_LINES = 12;

/**
 * Splits lines into `min..max` consecutive groups at the best-scoring gaps; null when no split
 * avoids an impossible gap. `nameWidth` (display width of a full name line, 0 if unknown) lets a
 * short first line close the name.
 */
export function segmentLines(lines: readonly string[], min: number, max: number, nameWidth: number): number[][] | null {
  const m = lines.length;
  if (m < min || m > MAX_LINES) return null;
  const gap = (k: number, group: number): number => {
    const a = lines[k - 1] ?? '';
    let s = gapScore(a, lines[k] ?? '');
    if (group !== 0 || nameWidth <= 0 || s < 0) return s;
    // A wrapped name fills its column on every line but the last.
    for (let i = 0; i < k - 1; i++) if (displayWidth(lines[i] ?? '') < nameWidth * 0.8) return -1;
    if (displayWidth(a) < nameWidth * 0.8) s += 3;
    return s;
  };
  // best[g][k]: best score splitting lines[0..k) into g groups.
  const best: number[][] = [];
  const from: number[][] = [];
  for (let g = 0; g <= max; g++) {
    best.push(new Array<number>(m + 1).fill(-Infinity));
    from.push(new Array<number>(m + 1).fill(-1));
  }
  (best[0] as number[])[0] = 0;
  for (let g = 1; g <= max; g++)
    for (let k = g; k <= m; k++)
      for (let j = g - 1; j < k; j++) {
        const prev = best[g - 1]?.[j] ?? -Infinity;
        if (prev === -Infinity) continue;
        const s = j === 0 ? 0 : gap(j, g - 2);
        if (s < 0) continue;
        if (prev + s > (best[g]?.[k] ?? -Infinity)) {
          (best[g] as number[])[k] = prev + s;
          (from[g] as number[])[k] = j;
        }
      }
  let bestG = -1;
  let bestScore = -Infinity;
  for (let g = min; g <= max; g++) {
    const s = (best[g]?.[m] ?? -Infinity) - EXTRA_GROUP_COST * Math.max(0, g - 3);
    if (s > bestScore) {
      bestScore = s;
      bestG = g;
    }
  }
  if (bestG < 0 || bestScore === -Infinity) return null;
  const cuts: number[] = [];
  for (let g = bestG, k = m; g > 0; g--) {
    cuts.unshift(k);
    k = from[g]?.[k] ?? 0;
  }
  const groups: number[][] = [];
  let start = 0;
  for (const end of cuts) {
    groups.push(Array.from({ length: end - start }, (_, i) => start + i));
    start = end;
  }
  return groups;
}
