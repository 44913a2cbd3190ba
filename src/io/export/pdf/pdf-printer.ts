/**
 * Prints HTML to PDF with Debian's chromium through playwright-core. Launching chromium costs about
 * a second, so a printer keeps one browser and prints any number of documents with it, several at
 * once if asked (each print gets its own tab). Pages run without JavaScript and without network:
 * the exported HTML needs neither, and form text must never make the server fetch anything.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Where Debian installs chromium; `JIXIAO_CHROMIUM` overrides it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Tabs kept open for the next prints. */
const MAX_IDLE_TABS = 4;

export interface PdfPrinter {
  /** Prints one HTML document (A4 unless its CSS says otherwise) and returns the PDF bytes. */
  print(html: string): Promise<Uint8Array>;
  /** Closes the browser; printing afterwards throws. */
  close(): Promise<void>;
}

/** The chromium binary to use, or an Error saying in Chinese how to install it. */
export function chromiumPath(): string {
  const path = process.env['JIXIAO_CHROMIUM'] ?? DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `找不到 chromium（${path}），无法生成 PDF。请安装：apt-get install chromium，或用环境变量 JIXIAO_CHROMIUM 指定路径。` +
        ` (chromium not found at ${path})`,
    );
  }
  return path;
}

/** Starts headless chromium; the caller closes it. Throws when chromium is missing or cannot start. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

async function offlineContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  // setContent loads about:blank; anything else (an <img src=http…> in hostile text) is refused.
  await context.route(/^(?!data:|about:)/, (route) => route.abort());
  return context;
}

/** Opens a printer with its own browser. Throws when chromium is missing or cannot start. */
export async function openPdfPrinter(): Promise<PdfPrinter> {
  const browser = await launchChromium();
  const context = await offlineContext(browser);
  // Tabs are reused (a new one costs a few hundred ms); concurrent prints each get their own.
  const idle: Page[] = [];
  return {
    async print(html: string): Promise<Uint8Array> {
      const page = idle.pop() ?? (await context.newPage());
      let reusable = false;
      try {
        await page.setContent(html, { waitUntil: 'load', timeout: 0 });
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        reusable = true;
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        if (reusable && idle.length < MAX_IDLE_TABS) idle.push(page);
        else await page.close().catch(() => undefined);
      }
    },
    async close(): Promise<void> {
      await browser.close();
    },
  };
}

let shared: Promise<PdfPrinter> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let busy = 0;
/** A shared browser that nobody used for this long is closed (ms). */
const IDLE_MS = 60_000;

/**
 * Prints with one browser shared by all callers of the process (the server's export route): it is
 * launched on first use and closed after a minute without prints, or by closeSharedPdfPrinter().
 */
export async function printWithSharedPrinter(html: string): Promise<Uint8Array> {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  busy += 1;
  const opening = shared ?? (shared = openPdfPrinter());
  try {
    return await (await opening).print(html);
  } catch (error) {
    // A crashed or failed browser is not reused: the next print launches a new one.
    if (shared === opening) shared = null;
    void opening.then((p) => p.close()).catch(() => undefined);
    throw error;
  } finally {
    busy -= 1;
    if (busy === 0 && shared !== null) {
      idleTimer = setTimeout(() => void closeSharedPdfPrinter(), IDLE_MS);
      idleTimer.unref();
    }
  }
}

/** Closes the shared browser if one is open (call at shutdown; the CLI calls it before exiting). */
export async function closeSharedPdfPrinter(): Promise<void> {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  const current = shared;
  shared = null;
  if (current !== null) await (await current.catch(() => null))?.close();
}
