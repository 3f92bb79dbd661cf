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

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Every request must go to the local server (or be an in-page data:/blob: URL). */
export function foreignRequests(requests: readonly string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter((u) => !(u.startsWith("data:") || u.startsWith("blob:") || new URL(u).origin === origin));
}
