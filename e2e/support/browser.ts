import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

// The system Chromium (Debian package), never Playwright's downloaded builds: this machine and CI only
// reach the npm registry and the Debian mirrors. scripts/ensure-chromium.mjs installs it.
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google services; on this closed network
// those attempts are refused and slow or break page loads. --no-sandbox because tests run as root.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not launch Chromium at ${executablePath} (run \`node scripts/ensure-chromium.mjs\` to install it): ${reason}`,
    );
  }
}

export type ContextOptions = {
  /** Lets journeys write `page.goto('/goals')` against the server under test. */
  baseURL?: string;
  /** A person's locale and zone; fixed by default so screenshots and dates do not depend on the machine. */
  locale?: string;
  timezoneId?: string;
};

// Short enough that a missing element fails a journey in seconds, long enough for a cold PGlite query.
const ACTION_TIMEOUT_MS = 15_000;

export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Europe/Berlin',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS * 2);
  return context;
}

export type PageWithErrors = { context: BrowserContext; page: Page; errors: string[] };

/**
 * A fresh context (own cookies, so one journey's session never leaks into another) with one page, and the
 * uncaught exceptions and console errors it produced: a journey can assert `errors` is empty at the end,
 * because a page that looks right but throws is still broken.
 */
export async function newPage(browser: Browser, options: ContextOptions = {}): Promise<PageWithErrors> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return { context, page, errors };
}
