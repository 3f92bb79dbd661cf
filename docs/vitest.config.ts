import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@districtkit/source"] },
  ssr: { resolve: { conditions: ["@districtkit/source"] } },
  test: {
    name: "docs",
    include: ["doctest/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
