/**
 * Whether a compound file's allocation table (FAT) sends some chain of sectors round in a loop.
 *
 * Used before both compound-file readers (.xls and .doc), which follow chains as the file states them.
 * Why before cfb: cfb follows a stream's chain without looking for a loop (get_sector_list), pushing
 * onto an array for ever. The worker thread's heap limit does not contain that: Node ends a thread at
 * its limit only when the allocation in progress fits in 16 MB more, and the array's next backing
 * store does not, so V8 aborts the whole process. A valid FAT has no loop; finding one is a walk over
 * the table, linear in the file.
 */

const END_OF_CHAIN = -2;

const int32 = (bytes: Uint8Array, at: number): number =>
  at + 4 <= bytes.length ? new DataView(bytes.buffer, bytes.byteOffset + at, 4).getInt32(0, true) : END_OF_CHAIN;

/**
 * A description of the first loop found in the FAT (English, for `raw`), or null when there is
 * none. Headers it cannot make sense of are left to cfb, which rejects them.
 */
export function findLoopingChain(bytes: Uint8Array): string | null {
  const shift = bytes.length >= 512 ? (bytes[0x1e] ?? 0) | ((bytes[0x1f] ?? 0) << 8) : 0;
  if (shift !== 9 && shift !== 12) return null;
  const size = 2 ** shift;
  const sectors = Math.floor((bytes.length - size) / size);
  if (sectors <= 0) return null;
  const sectorAt = (s: number): number => (s + 1) * size;
  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain (itself walked once).
  const fatSectors: number[] = [];
  for (let k = 0; k < 109; k += 1) {
    const s = int32(bytes, 0x4c + 4 * k);
    if (s >= 0 && s < sectors) fatSectors.push(s);
  }
  const difatSeen = new Set<number>();
  for (let s = int32(bytes, 0x44); s >= 0 && s < sectors; s = int32(bytes, sectorAt(s) + size - 4)) {
    if (difatSeen.has(s)) return `DIFAT chain loops at sector ${s}`;
    difatSeen.add(s);
    for (let k = 0; k < size / 4 - 1; k += 1) {
      const f = int32(bytes, sectorAt(s) + 4 * k);
      if (f >= 0 && f < sectors) fatSectors.push(f);
    }
  }
  const perSector = size / 4;
  const next = (s: number): number => {
    const fat = fatSectors[Math.floor(s / perSector)];
    return fat === undefined ? END_OF_CHAIN : int32(bytes, sectorAt(fat) + 4 * (s % perSector));
  };
  // Each sector has one successor: walk from each unvisited sector, marking the walk in progress
  // (1) and done (2); meeting a sector of the walk in progress is a loop.
  const state = new Uint8Array(sectors);
  for (let start = 0; start < sectors; start += 1) {
    if (state[start] !== 0) continue;
    const walk: number[] = [];
    let s = start;
    while (s >= 0 && s < sectors && state[s] === 0) {
      state[s] = 1;
      walk.push(s);
      s = next(s);
    }
    if (s >= 0 && s < sectors && state[s] === 1) return `FAT chain loops at sector ${s}`;
    for (const w of walk) state[w] = 2;
  }
  return null;
}
