/**
 * Where a compound file (.doc, .xls) keeps things, for tests that damage one on purpose: its sector
 * size, and the byte offset of a sector's entry in the allocation table (FAT), through the first
 * 109 FAT sectors the header lists (enough for the small fixtures).
 */
export function compoundFileLayout(bytes: Uint8Array): {
  readonly view: DataView;
  readonly sectorSize: number;
  readonly fatEntry: (sector: number) => number;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 2 ** view.getUint16(0x1e, true);
  const perFatSector = sectorSize / 4;
  const fatSector = (k: number): number => view.getInt32(0x4c + 4 * k, true);
  const fatEntry = (sector: number): number =>
    (fatSector(Math.floor(sector / perFatSector)) + 1) * sectorSize + (sector % perFatSector) * 4;
  return { view, sectorSize, fatEntry };
}
