import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@districtkit/source"] },
  ssr: { resolve: { conditions: ["@districtkit/source"] } },
  test: {
    projects: ["packages/*/vitest.config.ts"],
  },
});
