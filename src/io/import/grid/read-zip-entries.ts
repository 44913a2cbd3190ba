/**
 * Reading entries of an Office zip (.docx / .xlsx) without trusting it: the central directory is
 * checked first (declared sizes and compression ratios), then the wanted entries are inflated in
 * small steps with a running count of the bytes actually produced, so a zip bomb that lies about
 * its sizes stops at the cap instead of filling memory. Shared by the .docx and .xlsx importers.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

export interface ZipLimits {
  /** Largest uncompressed entry, in bytes (default 50 MB). */
  readonly maxEntryBytes: number;
  /** Largest sum of the uncompressed wanted entries, in bytes (default 200 MB). */
  readonly maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry above 1 MB (default 1000). */
  readonly maxRatio: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 1000,
};

export type ZipProblem = 'not-zip' | 'corrupt' | 'too-large';

export type ZipEntries =
  | { readonly ok: true; readonly names: readonly string[]; readonly files: ReadonlyMap<string, Uint8Array> }
  | { readonly ok: false; readonly problem: ZipProblem; readonly detail: string };

/** Compressed bytes handed to the inflater per step: bounds what one step can produce (~16 MB). */
const STEP = 16 * 1024;

const fail = (problem: ZipProblem, detail: string): ZipEntries => ({ ok: false, problem, detail });

/**
 * Lists the zip's entries and inflates those `wanted` accepts. Never throws; the `detail` of a
 * failure is English, for logs (callers write the Chinese message).
 */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = defaultZipLimits,
): ZipEntries {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail('not-zip', 'no PK signature');
  const names: string[] = [];
  let declared = 0;
  let oversized: string | null = null;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        if (!wanted(entry.name)) return false;
        declared += entry.originalSize;
        const ratio = entry.originalSize / Math.max(1, entry.size);
        if (entry.originalSize > limits.maxEntryBytes)
          oversized ??= `${entry.name} declares ${entry.originalSize} bytes`;
        else if (entry.originalSize > 1024 * 1024 && ratio > limits.maxRatio)
          oversized ??= `${entry.name} ratio ${ratio.toFixed(0)}`;
        return false;
      },
    });
  } catch (error) {
    return fail('corrupt', `central directory: ${(error as Error).message}`);
  }
  if (oversized !== null) return fail('too-large', oversized);
  if (declared > limits.maxTotalBytes) return fail('too-large', `entries declare ${declared} bytes in total`);
  return inflateWanted(bytes, names, wanted, limits);
}

function inflateWanted(
  bytes: Uint8Array,
  names: string[],
  wanted: (name: string) => boolean,
  limits: ZipLimits,
): ZipEntries {
  const files = new Map<string, Uint8Array>();
  let failure: ZipEntries | null = null;
  let total = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (failure !== null || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure !== null) return;
      if (error) {
        failure = fail('corrupt', `${file.name}: ${error.message}`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        failure = fail('too-large', `${file.name} inflates past the limit`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.set(file.name, concat(chunks, size));
    };
    try {
      file.start();
    } catch (error) {
      failure = fail('corrupt', `${file.name}: ${(error as Error).message}`);
    }
  };
  try {
    for (let at = 0; at < bytes.length && failure === null; at += STEP) {
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
    }
  } catch (error) {
    failure ??= fail('corrupt', (error as Error).message);
  }
  if (failure !== null) return failure;
  const missing = names.filter((n) => wanted(n) && !files.has(n));
  if (missing.length > 0) return fail('corrupt', `entries not complete: ${missing.join(', ')}`);
  return { ok: true, names, files };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The Chinese message for a zip problem, naming the file and saying what to do. */
export function zipProblemMessage(problem: ZipProblem, file: string, kind: 'Word' | 'Excel'): string {
  switch (problem) {
    case 'not-zip':
      return `“${file}”不是有效的 ${kind} 文件（不是 zip 格式）。请用 ${kind} 打开后另存为 ${kind === 'Word' ? '.docx' : '.xlsx'} 再导入。`;
    case 'corrupt':
      return `“${file}”已损坏或不完整，无法解压。请重新下载或用 ${kind} 打开后另存，再导入。`;
    case 'too-large':
      return `“${file}”解压后过大（单个部件超过 50 MB 或压缩比异常），为安全起见未导入。请检查文件来源，或拆分后再导入。`;
  }
}
