import { defineProject } from "vitest/config";

// End-to-end tests: the app is built with Vite and served from dist/ on a free port by the
// global setup; playwright-core drives Debian's Chromium (/usr/bin/chromium) against it.
export default defineProject({
  // tests may import the packages (e.g. a generator) from their sources, like every project
  resolve: { conditions: ["@districtkit/source"] },
  ssr: { resolve: { conditions: ["@districtkit/source"] } },
  test: {
    name: "playground-e2e",
    // e2e/: the browser tests; src/: small unit tests of the playground's own helpers (formatting, links)
    include: ["e2e/**/*.test.ts", "src/**/*.test.ts"],
    globalSetup: ["e2e/globalSetup.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // one browser per file; files run one after another so timings (G2) are not disturbed
    fileParallelism: false,
  },
});
