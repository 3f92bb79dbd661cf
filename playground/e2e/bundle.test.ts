import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, inject, it } from "vitest";
import { openPage, settled, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const distDir = inject("distDir");
const browser = useBrowser();

// G1 (PERFORMANCE.md): the JavaScript a first visit loads, gzip-compressed, is at most 200 KB.
// Measured as the browser sees it: every .js file requested until the opening view has drawn.
it("G1: ships at most 200 KB of gzip JavaScript on first load", async () => {
  const w = await openPage(browser());
  // every request the page starts, until it has finished (or failed)
  let inFlight = 0;
  w.context.on("request", () => inFlight++);
  w.context.on("requestfinished", () => inFlight--);
  w.context.on("requestfailed", () => inFlight--);
  await w.page.goto(baseUrl);
  // the opening view drawn, nothing busy, and every file it asked for arrived
  await settled(w.page);
  await expect.poll(() => inFlight).toBe(0);
  const js = [...new Set(w.requests)].filter((u) => new URL(u).pathname.endsWith(".js"));
  const sizes = js.map((u) => {
    const file = join(distDir, decodeURIComponent(new URL(u).pathname));
    const raw = readFileSync(file);
    return { file: new URL(u).pathname, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  const total = sizes.reduce((s, f) => s + f.gzip, 0);
  console.log(`[G1] first-load JS: ${sizes.length} files, ${(total / 1024).toFixed(1)} KB gzip (${(sizes.reduce((s, f) => s + f.raw, 0) / 1024).toFixed(1)} KB raw)`);
  for (const f of sizes.sort((a, b) => b.gzip - a.gzip)) console.log(`[G1]   ${f.file}  ${(f.gzip / 1024).toFixed(1)} KB gzip`);
  expect(total).toBeLessThanOrEqual(200 * 1024);
});
