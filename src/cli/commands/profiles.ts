import { builtinProfiles, defaultProfileName } from '../../domain/index.js';
import { formatNumber } from '../../domain/report/index.js';
import type { CliIo } from '../cli-io.js';
import { renderTable } from '../render-table.js';

/** `jixiao profiles`: the built-in rule profiles (JSON: the full profiles). Returns 0. */
export async function runProfiles(flags: { readonly json?: boolean }, io: CliIo): Promise<number> {
  const profiles = Object.values(builtinProfiles);
  if (flags.json) {
    await io.stdout.write(`${JSON.stringify(profiles, null, 2)}\n`);
    return 0;
  }
  const rows = profiles.map((p) => [
    p.name === defaultProfileName ? `${p.name}（默认）` : p.name,
    p.title,
    formatNumber(p.budgetPoints),
    p.categories.map((c) => `${c.name} ${formatNumber(c.points)}`).join('，'),
    p.grades.map((g) => `${g.grade}≥${formatNumber(g.min)}`).join(' '),
    p.description,
  ]);
  await io.stdout.write(
    renderTable({
      head: ['名称', '标题', '预算执行率分值', '指标分值', '等级', '说明'],
      rows,
      maxWidths: [null, 28, null, 30, null, 48],
    }),
  );
  await io.stdout.write('用 --profile 名称 或 --profile 文件.json 选择规则。(select with --profile NAME|path.json)\n');
  return 0;
}
