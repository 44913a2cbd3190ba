import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('uses defaults, then environment, then flags', () => {
    const d = loadConfig({}, {}, '/srv');
    expect(d).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/data',
      databaseUrl: null,
      secureCookies: false,
    });
    const e = loadConfig(
      {},
      { PORT: '8080', HOST: '0.0.0.0', JIXIAO_DATA: '/var/jx', DATABASE_URL: 'postgres://db/jx' },
      '/srv',
    );
    expect(e).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/jx',
      databaseUrl: 'postgres://db/jx',
      secureCookies: true,
    });
    const f = loadConfig({ port: '9000', host: '127.0.0.2' }, { PORT: '8080', HOST: '0.0.0.0' }, '/srv');
    expect(f).toMatchObject({ port: 9000, host: '127.0.0.2', secureCookies: false });
    expect(loadConfig({}, { JIXIAO_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(d.trustProxy).toBe(false);
    expect(loadConfig({}, { JIXIAO_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({}, { JIXIAO_TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('lists every problem at once, naming the variable', () => {
    try {
      loadConfig({}, { PORT: 'eighty', DATABASE_URL: 'mysql://x', JIXIAO_ADMIN_PASSWORD: 'short', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const names = (e as ConfigError).problems.map((p) => p.path);
      expect(names).toEqual(['PORT / --port', 'DATABASE_URL / --database-url', 'JIXIAO_ADMIN_PASSWORD', 'LOG_LEVEL']);
      for (const p of (e as ConfigError).problems) expect(p.message).toMatch(/^配置 /);
    }
  });
});
