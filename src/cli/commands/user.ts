import type { Command } from 'commander';
import type { ConfigFlags } from '../../config.js';
import { roles, type Role } from '../../domain/workflow/index.js';
import { randomPassword, upsertAccount } from '../../server/accounts.js';
import { hashPassword } from '../../server/services/auth.service.js';
import { findUserByUsername, listUsers, setDisabled, setPassword } from '../../store/users.repository.js';
import type { CliIo } from '../cli-io.js';
import { UserError } from '../user-error.js';
import { cliConfig, cliStore, storageOptions } from './serve.js';

interface AddFlags extends ConfigFlags {
  readonly role: string;
  readonly department?: string;
  readonly unit?: string;
  readonly name?: string;
  readonly password?: string;
}

/** `jixiao user add|list|passwd|disable`: manage accounts directly in the database. */
export function registerUserCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const user = program.command('user').description('用户管理 (manage users)');

  storageOptions(
    user
      .command('add')
      .description('新建用户（已存在则重设密码）(add a user, or reset its password)')
      .argument('<username>', '用户名 (user name)')
      .requiredOption('--role <role>', `角色：${roles.join(' | ')}`)
      .option('--department <name>', '主管部门（reviewer、filler 必填）(department)')
      .option('--unit <name>', '实施单位（filler 必填）(unit)')
      .option('--name <display>', '显示名称 (display name)')
      .option('--password <password>', '密码；不填则生成并显示一次 (password; default: random, printed once)'),
  ).action(async (username: string, flags: AddFlags) => {
    if (!(roles as readonly string[]).includes(flags.role))
      throw new UserError(`角色「${flags.role}」不存在，可选：${roles.join('、')}。`, `unknown role ${flags.role}`);
    if (flags.password !== undefined && flags.password.length < 8)
      throw new UserError('密码至少 8 个字符。', 'password must have at least 8 characters');
    const store = await cliStore(cliConfig(flags));
    try {
      const password = flags.password ?? randomPassword();
      const { created } = await upsertAccount(store.db, {
        username,
        password,
        role: flags.role as Role,
        ...(flags.department !== undefined ? { department: flags.department } : {}),
        ...(flags.unit !== undefined ? { unit: flags.unit } : {}),
        ...(flags.name !== undefined ? { displayName: flags.name } : {}),
      }).catch((e: unknown) => {
        throw e instanceof Error && /needs --/.test(e.message) ? new UserError(e.message, e.message) : e;
      });
      await io.stdout.write(`${created ? '已创建用户' : '已重设密码'} ${username}（${flags.role}）\n`);
      if (flags.password === undefined)
        await io.stdout.write(`密码（只显示这一次）password (shown once): ${password}\n`);
      setExit(0);
    } finally {
      await store.destroy();
    }
  });

  storageOptions(user.command('list').description('列出用户 (list users)')).action(async (flags: ConfigFlags) => {
    const store = await cliStore(cliConfig(flags));
    try {
      for (const u of await listUsers(store.db))
        await io.stdout.write(`${u.username}\t${u.role}\t${u.displayName}${u.disabled ? '\t(已停用 disabled)' : ''}\n`);
      setExit(0);
    } finally {
      await store.destroy();
    }
  });

  storageOptions(
    user
      .command('passwd')
      .description('重设密码并启用账号 (reset a password)')
      .argument('<username>')
      .option('--password <password>', '新密码；不填则生成并显示一次'),
  ).action(async (username: string, flags: ConfigFlags & { password?: string }) => {
    const store = await cliStore(cliConfig(flags));
    try {
      const password = flags.password ?? randomPassword();
      if (!(await setPassword(store.db, username, await hashPassword(password))))
        throw new UserError(`用户 ${username} 不存在。`, `no user ${username}`);
      await io.stdout.write(`已重设 ${username} 的密码${flags.password === undefined ? `：${password}` : ''}\n`);
      setExit(0);
    } finally {
      await store.destroy();
    }
  });

  storageOptions(
    user
      .command('disable')
      .description('停用账号并注销其会话 (disable a user and end its sessions)')
      .argument('<username>'),
  ).action(async (username: string, flags: ConfigFlags) => {
    const store = await cliStore(cliConfig(flags));
    try {
      if (!(await findUserByUsername(store.db, username)))
        throw new UserError(`用户 ${username} 不存在。`, `no user ${username}`);
      await setDisabled(store.db, username, true);
      await io.stdout.write(`已停用 ${username}\n`);
      setExit(0);
    } finally {
      await store.destroy();
    }
  });
}
