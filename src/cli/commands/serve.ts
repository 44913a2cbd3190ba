import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config, type ConfigFlags } from '../../config.js';
import { startServer } from '../../server/serve.js';
import { MigrationError } from '../../store/migrate.js';
import { openStore, type Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { UserError } from '../user-error.js';

/** --data and --database-url, shared by serve, db, user and demo. */
export function storageOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', '数据目录，SQLite 数据库所在（默认 ./data，或 JIXIAO_DATA）(data directory)')
    .option('--database-url <url>', 'PostgreSQL 连接串（或 DATABASE_URL）；不设则用 SQLite (PostgreSQL URL)');
}

/** Flags > environment > defaults; every configuration problem in one UserError. */
export function cliConfig(flags: ConfigFlags): Config {
  try {
    return loadConfig(flags);
  } catch (e) {
    if (e instanceof ConfigError)
      throw new UserError(
        `配置有 ${e.problems.length} 个问题：\n${e.problems.map((p) => `  - ${p.message}`).join('\n')}`,
        e.message,
      );
    throw e;
  }
}

/** A diverged migration history as a UserError (the server refuses to start); other errors as they are. */
export function migrationUserError(e: unknown): unknown {
  if (!(e instanceof MigrationError)) return e;
  return new UserError(
    `数据库的迁移记录与本版本程序不一致，拒绝启动。请使用与数据库匹配的程序版本，或联系管理员。\n${e.problems.map((p) => `  - ${p}`).join('\n')}`,
    e.message,
  );
}

/** An open store, migrated unless `migrate` is false. */
export async function cliStore(config: Config, migrate = true): Promise<Store> {
  try {
    return await openStore(config, { migrate });
  } catch (e) {
    throw migrationUserError(e);
  }
}

/** `jixiao serve`: migrate, create the first admin, listen; stops cleanly on SIGINT/SIGTERM. */
export function registerServeCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  storageOptions(
    program
      .command('serve')
      .description('启动 Web 服务（npm start）(start the HTTP server)')
      .option('--port <port>', '端口（默认 3000，或 PORT）(port)')
      .option('--host <host>', '监听地址（默认 127.0.0.1，或 HOST）(listen address)'),
  ).action(async (flags: ConfigFlags) => {
    const config = cliConfig(flags);
    await cliStore(config).then((s) => s.destroy()); // migrate (or refuse) before binding the port
    const server = await startServer(config);
    if (server.adminPassword)
      await io.stdout.write(
        `已创建管理员 admin，初始密码（只显示这一次）：${server.adminPassword}\n` +
          `created user admin with password (shown once): ${server.adminPassword}\n`,
      );
    await io.stdout.write(`jixiao 已启动：${server.url}  (API 文档 ${server.url}/api/docs)\n`);
    const stop = (): void => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    setExit(0);
  });
}
