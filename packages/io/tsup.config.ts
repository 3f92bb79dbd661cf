import { defineConfig } from "tsup";

export default defineConfig({
  // the XLSX module is its own entry: the core readers never pull ExcelJS in
  entry: { index: "src/index.ts", xlsx: "src/xlsx/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  tsconfig: "tsconfig.build.json",
});
