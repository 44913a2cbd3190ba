import { readFile } from 'node:fs/promises';
import { builtinProfiles, defaultProfileName, loadProfile, type Profile } from '../domain/index.js';
import { parseJson } from '../io/import/parse-json.js';
import { UserError } from './user-error.js';

/**
 * `--profile NAME|path.json` → a profile. A built-in name wins; anything else is read as a JSON file
 * and validated, every problem listed (zh + en) in the UserError. No argument → the default profile.
 */
export async function resolveProfile(spec: string | undefined): Promise<Profile> {
  const name = spec ?? defaultProfileName;
  const builtin = builtinProfiles[name];
  if (builtin) return builtin;
  let text: string;
  try {
    text = await readFile(name, 'utf8');
  } catch {
    const names = Object.keys(builtinProfiles).join(', ');
    throw new UserError(
      `找不到评分规则「${name}」：既不是内置规则（${names}），也不是可读取的 JSON 文件。`,
      `unknown profile "${name}": not a built-in profile (${names}) nor a readable JSON file`,
    );
  }
  const parsed = parseJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    throw new UserError(
      `评分规则文件 ${name} 第 ${parsed.line} 行 第 ${parsed.column} 列不是合法的 JSON（${parsed.reason}）。`,
      `profile ${name}:${parsed.line}:${parsed.column}: invalid JSON (${parsed.reason})`,
    );
  }
  const loaded = loadProfile(parsed.value);
  if (loaded.ok) return loaded.profile;
  const at = (path: string): string => path || '（根）';
  throw new UserError(
    `评分规则文件 ${name} 有 ${loaded.problems.length} 个问题，未使用：\n${loaded.problems.map((p) => `  - ${at(p.path)}：${p.message}`).join('\n')}`,
    `profile ${name} has ${loaded.problems.length} problem(s):\n${loaded.problems.map((p) => `  - ${p.path || '(root)'}: ${p.messageEn}`).join('\n')}`,
  );
}
