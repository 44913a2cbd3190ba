import type { Command } from 'commander';
import type { ConfigFlags } from '../../config.js';
import { demoDepartment, demoUsers, loadDemo } from '../../server/demo.js';
import { defaultProfile } from '../../server/serve.js';
import type { CliIo } from '../cli-io.js';
import { cliConfig, cliStore, storageOptions } from './serve.js';

/** `jixiao demo` (npm run demo): demo users and the six seed forms, ready to look around. */
export function registerDemoCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  storageOptions(
    program.command('demo').description('载入演示数据：坪山区司法局六张自评表和演示用户 (load demo data and users)'),
  ).action(async (flags: ConfigFlags) => {
    const config = cliConfig(flags);
    const store = await cliStore(config);
    try {
      const result = await loadDemo(
        { store, config, profile: defaultProfile(), now: () => new Date() },
        config.demoPassword,
      );
      await io.stdout.write(
        `演示数据：${demoDepartment} 共 ${result.forms} 张表单（本次导入 ${result.imported} 张）。\n` +
          `演示用户 (demo users)：${demoUsers.join('、')}\n` +
          (result.printed
            ? `演示密码（只显示这一次）demo password (shown once): ${result.password}\n`
            : '演示密码为 JIXIAO_DEMO_PASSWORD 的值。(password from JIXIAO_DEMO_PASSWORD)\n') +
          '启动服务：npm start，然后打开 http://127.0.0.1:3000\n',
      );
      setExit(0);
    } finally {
      await store.destroy();
    }
  });
}
