import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@districtkit/source"] },
  ssr: { resolve: { conditions: ["@districtkit/source"] } },
  test: {
    name: "core",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // property tests run hundreds of cases; shared CI machines are slow
    testTimeout: 60_000,
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
