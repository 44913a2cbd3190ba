import type { Command } from 'commander';
import type { ConfigFlags } from '../../config.js';
import { migrate, migrationStatus } from '../../store/migrate.js';
import type { CliIo } from '../cli-io.js';
import { cliConfig, cliStore, migrationUserError, storageOptions } from './serve.js';

/** `jixiao db migrate` (apply pending migrations) and `jixiao db status` (exit 1 when diverged or pending). */
export function registerDbCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const db = program.command('db').description('数据库：迁移与状态 (database migrations)');
  storageOptions(db.command('migrate').description('执行未执行的迁移 (apply pending migrations)')).action(
    async (flags: ConfigFlags) => {
      const store = await cliStore(cliConfig(flags), false);
      try {
        const applied = await migrate(store).catch((e: unknown) => {
          throw migrationUserError(e);
        });
        await io.stdout.write(
          applied.length === 0
            ? '数据库已是最新，无需迁移。(up to date)\n'
            : `已执行 ${applied.length} 个迁移 (applied)：\n${applied.map((n) => `  ${n}\n`).join('')}`,
        );
        setExit(0);
      } finally {
        await store.destroy();
      }
    },
  );
  storageOptions(db.command('status').description('显示迁移状态 (show migration status)')).action(
    async (flags: ConfigFlags) => {
      const store = await cliStore(cliConfig(flags), false);
      try {
        const s = await migrationStatus(store);
        const lines = [
          `数据库 (dialect)：${store.dialect}`,
          `已执行 (applied)：${s.applied.length === 0 ? '无' : s.applied.join(', ')}`,
          `待执行 (pending)：${s.pending.length === 0 ? '无' : s.pending.join(', ')}`,
          ...s.problems.map((p) => `问题 (problem)：${p}`),
        ];
        await io.stdout.write(`${lines.join('\n')}\n`);
        setExit(s.problems.length > 0 || s.pending.length > 0 ? 1 : 0);
      } finally {
        await store.destroy();
      }
    },
  );
}
