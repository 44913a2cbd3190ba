import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { upsertAccount } from '../../../src/server/accounts.js';
import { startServer } from '../../../src/server/serve.js';

export const e2ePassword = 'e2e-password-1';
export const department = '深圳市坪山区司法局';

/** The people of the scenario: the unit's filler, the department's reviewer, the finance bureau. */
export const e2eUsers = {
  filler: { username: 'unit-filler', role: 'filler', department, unit: department, displayName: '赵益' },
  reviewer: { username: 'dept-reviewer', role: 'reviewer', department, displayName: '李审核' },
  finance: { username: 'bureau-finance', role: 'finance', displayName: '王财政' },
} as const;

export interface E2eServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * A real `jixiao serve` on a fresh SQLite database in a temp directory, listening on a free port,
 * serving the built web app from `webRoot`, with the scenario's users and no forms.
 */
export async function startE2eServer(webRoot: string): Promise<E2eServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jixiao-e2e-'));
  const config = loadConfig(
    { port: 0, host: '127.0.0.1', data: dataDir },
    { LOG_LEVEL: 'silent', JIXIAO_LOGIN_ATTEMPTS_PER_MINUTE: '1000', JIXIAO_ADMIN_PASSWORD: 'e2e-admin-password' },
  );
  const server = await startServer(config, { logger: false, webRoot });
  for (const u of Object.values(e2eUsers)) await upsertAccount(server.ctx.store.db, { ...u, password: e2ePassword });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
