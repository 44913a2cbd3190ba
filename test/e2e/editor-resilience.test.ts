import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../src/domain/index.js';
import { apiGet, apiImport, apiLogIn } from './support/api.js';
import { indicatorRow, logIn, screenshot } from './support/app-pages.js';
import { launchChromium, viewport } from './support/browser.js';
import { ensureWebBuild } from './support/build-web.js';
import { e2eUsers, startE2eServer, type E2eServer } from './support/e2e-server.js';

/**
 * Typing is never lost: a save that fails on the network is kept (in memory and localStorage) and
 * retried; a save that meets someone else's newer version (409) offers a merge that keeps both.
 */

const poll = { timeout: 20_000 };

describe('editor keeps typing through network errors and conflicts', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let formId: string;

  beforeAll(async () => {
    server = await startE2eServer(ensureWebBuild());
    browser = await launchChromium();
    const session = await apiLogIn(server.url, e2eUsers.filler.username);
    const forms = await apiImport(server.url, session, {
      path: join(process.cwd(), 'fixtures/seed/pingshan-justice-2020.txt'),
    });
    formId = forms.find((f) => f.project === '培训支出')!.id;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openAsFiller(): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await logIn(page, server.url, e2eUsers.filler.username);
    await page.goto(`${server.url}/#/forms/${formId}`);
    await page.getByTestId('live-total').waitFor();
    return page;
  }

  it('retries after a network error, then merges over a newer version on 409', async () => {
    const a = await openAsFiller();
    const b = await openAsFiller();
    const saveState = (p: Page) => p.getByTestId('save-state').getAttribute('data-state');

    // A types while the network drops every save: the typing stays, a backup is kept, then it saves.
    await a.route('**/api/forms/**', (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    await indicatorRow(a, 2)
      .getByLabel(/全年完成值$/)
      .fill('120');
    await expect.poll(() => saveState(a), poll).toBe('offline');
    expect(
      await indicatorRow(a, 2)
        .getByLabel(/全年完成值$/)
        .inputValue(),
    ).toBe('120');
    expect(await a.evaluate(`localStorage.getItem('jixiao.draft.${formId}') !== null`)).toBe(true);
    await screenshot(a, '20-editor-offline');
    await a.unroute('**/api/forms/**');
    await expect.poll(() => saveState(a), poll).toBe('saved');

    // B still holds the old version: its save gets 409 and the dialog shows what differs.
    await indicatorRow(b, 0)
      .getByLabel(/未完成原因和改进措施$/)
      .fill('本年已超额完成');
    const dialog = b.getByRole('dialog');
    await dialog.getByText('此表已被他人修改').waitFor(poll);
    await expect
      .poll(() => dialog.getByRole('row', { name: /第3项指标「调解培训参加人次」.*对方改的/ }).count(), poll)
      .toBe(1);
    await screenshot(b, '21-editor-conflict');
    await dialog.getByRole('button', { name: '合并（推荐）' }).click();
    await expect.poll(() => saveState(b), poll).toBe('saved');
    expect(
      await indicatorRow(b, 2)
        .getByLabel(/全年完成值$/)
        .inputValue(),
    ).toBe('120');

    // The server holds both people's typing.
    const session = await apiLogIn(server.url, e2eUsers.filler.username);
    const stored = await apiGet<{ form: Form }>(server.url, session, `/api/forms/${formId}`);
    expect(stored.form.indicators[2]?.actual).toBe('120');
    expect(stored.form.indicators[0]?.note).toBe('本年已超额完成');
  });
});
