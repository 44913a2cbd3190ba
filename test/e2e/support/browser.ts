import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../src/io/export/pdf/pdf-printer.js';

/** Debian's chromium (apt install chromium fonts-noto-cjk); override with CHROMIUM_PATH. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The same flags the PDF exporter launches chromium with: no sandbox, no GPU, no network chatter. */
export const chromiumArgs = [...CHROMIUM_ARGS];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** The laptop screen the app must be usable on. */
export const viewport = { width: 1366, height: 768 };
