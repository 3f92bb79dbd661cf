import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defaultClientConditions, defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
// The packages are resolved from their sources (the `@districtkit/source` export condition),
// so the playground never needs a prior build of the packages.
const conditions = ["@districtkit/source", ...defaultClientConditions];

export default defineConfig({
  root: here,
  base: "./",
  plugins: [preact({ prerender: { enabled: false } })],
  resolve: { conditions },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 400,
  },
  server: { port: 5173, strictPort: true, host: "127.0.0.1", fs: { allow: [repoRoot] } },
  preview: { port: 5173, strictPort: true, host: "127.0.0.1" },
});
