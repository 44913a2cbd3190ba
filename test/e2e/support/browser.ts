import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (apt install chromium fonts-noto-cjk); override with CHROMIUM_PATH. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a headless chromium in a container or CI: no sandbox, no GPU, no network chatter. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** The laptop screen the app must be usable on. */
export const viewport = { width: 1366, height: 768 };
