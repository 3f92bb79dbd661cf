import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type PreviewServer, preview } from "vite";
import type { TestProject } from "vitest/node";

const root = fileURLToPath(new URL("..", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

/** Build the playground once, serve dist/ on a free loopback port, hand the URL to the tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configFile = fileURLToPath(new URL("../vite.config.ts", import.meta.url));
  // a private output folder: several people (and test runs) share this checkout, and a run must
  // never serve files another run is rewriting
  const outDir = mkdtempSync(join(tmpdir(), "districtkit-playground-"));
  await build({ configFile, root, logLevel: "warn", mode: "production", build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({
    configFile,
    root,
    logLevel: "warn",
    preview: { port, strictPort: true, host: "127.0.0.1", open: false },
    build: { outDir },
  });
  project.provide("baseUrl", `http://127.0.0.1:${port}/`);
  project.provide("distDir", outDir);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
