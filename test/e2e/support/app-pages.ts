import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { e2ePassword } from './e2e-server.js';

/** Screenshots of every page the scenario passes through (git-ignored). */
export const screenshotDir = join(process.cwd(), 'test-output', 'e2e');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Ant Design puts a space between the two characters of a two-character button (登 录). */
export function button(page: Page | Locator, text: string): Locator {
  const pattern = text.length === 2 ? new RegExp(`${text[0]}\\s*${text[1]}\\s*$`) : text;
  return page.getByRole('button', { name: pattern });
}

export async function logIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(e2ePassword);
  await button(page, '登录').click();
  await page.getByTestId('current-user').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await button(page, '退出').click();
  await page.getByLabel('用户名').waitFor();
}

export async function goTo(page: Page, menu: '首页' | '自评表' | '导入' | '部门汇总'): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText(menu, { exact: true }).click();
}

/**
 * Drops a file on the import area the way a browser does: a `drop` event whose DataTransfer holds
 * the file (built in the page from its bytes in base64, since files cannot cross the protocol as
 * objects and a PDF is no text).
 */
export async function dropFile(page: Page, target: Locator, path: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    `(() => { const bytes = Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0)); const dt = new DataTransfer(); dt.items.add(new File([bytes], ${JSON.stringify(basename(path))})); return dt; })()`,
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** Opens a form from the list by its project name. */
export async function openForm(page: Page, project: string): Promise<void> {
  await goTo(page, '自评表');
  await page.getByRole('link', { name: project, exact: true }).click();
  await page.getByTestId('live-total').waitFor();
}

export function indicatorRow(page: Page, index: number): Locator {
  return page.locator(`tr[data-testid="indicator-row"][data-index="${index}"]`);
}
