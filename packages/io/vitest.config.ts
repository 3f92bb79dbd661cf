import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@districtkit/source"] },
  ssr: { resolve: { conditions: ["@districtkit/source"] } },
  test: {
    name: "io",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
