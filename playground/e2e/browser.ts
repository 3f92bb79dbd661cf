import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];
export const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * One Chromium for the calling test file: launched before its tests, closed after them. Returns
 * the browser's getter (call it inside a test or hook).
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === undefined) throw new Error("the browser is launched in beforeAll: use it inside a test or hook");
    return browser;
  };
}

/** What a page did that a test may assert on: every request URL, console errors, page errors. */
export interface Watched {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly requests: string[];
  readonly consoleErrors: string[];
  readonly consoleLogs: string[];
}

export async function openPage(browser: Browser, opts: { width?: number; height?: number; bypassCSP?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, serviceWorkers: "block", bypassCSP: opts.bypassCSP ?? false });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const consoleLogs: string[] = [];
  // page.on("request") sees requests of the page and of its dedicated workers
  context.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => (m.type() === "error" ? consoleErrors.push(m.text()) : consoleLogs.push(m.text())));
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  return { page, context, requests, consoleErrors, consoleLogs };
}

/**
 * Wait until the open tab has drawn what it computes: its heading is there and nothing on the page
 * has been busy — `aria-busy="true"`: the tab's chunk or data loading, a view's engine call in the
 * worker, a lazy panel's code — for `frames` animation frames in a row (frames, not milliseconds:
 * a loaded machine waits longer instead of failing, and an IntersectionObserver that will start
 * work reports within a frame or two). Use it instead of `waitForLoadState("networkidle")`, which
 * waits for the network, not for the view, and timed out under load.
 */
export async function settled(page: Page, { frames = 10, timeout = 30_000 }: { frames?: number; timeout?: number } = {}): Promise<void> {
  await page.locator('[role="tabpanel"] h2').first().waitFor({ timeout });
  await page.evaluate(() => {
    (window as unknown as { __quietFrames: number }).__quietFrames = 0;
  });
  await page.waitForFunction(
    (n) => {
      const w = window as unknown as { __quietFrames: number };
      w.__quietFrames = document.querySelector('[aria-busy="true"]') ? 0 : w.__quietFrames + 1;
      return w.__quietFrames >= n;
    },
    frames,
    { timeout, polling: "raf" },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Every request must go to the local server (or be an in-page data:/blob: URL). */
export function foreignRequests(requests: readonly string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter((u) => !(u.startsWith("data:") || u.startsWith("blob:") || new URL(u).origin === origin));
}
