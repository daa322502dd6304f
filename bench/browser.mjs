// A headless Chromium for the browser tests and the web benchmark: Debian's when installed (the
// packaged one crashes beside Mesa's libEGL), else the one inside the npm package
// @sparticuz/chromium. Never one downloaded at run time.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Without these a closed network refuses Chromium's own background connections, many at a time. */
const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Flags of the packaged browser that would weaken what the tests check (same-origin rules). */
const WEAKENING = new Set(['--disable-web-security', '--allow-running-insecure-content']);

/** The browser and which one it is. */
export async function launchBrowser() {
  const system = SYSTEM_BROWSERS.find((file) => fs.existsSync(file));
  if (system) return { browser: await chromium.launch({ executablePath: system, args: QUIET }), name: system };
  const packaged = (await import('@sparticuz/chromium')).default;
  const args = [...packaged.args.filter((a) => !WEAKENING.has(a)), ...QUIET];
  const browser = await chromium.launch({ executablePath: await packaged.executablePath(), args });
  return { browser, name: `@sparticuz/chromium (${browser.version()})` };
}
