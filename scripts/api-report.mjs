#!/usr/bin/env node
// The public API report: for every entry point of every published package (each `exports` path of
// its package.json), every export with its kind and its declaration as a .d.ts would state it —
// doc comments left out, sorted by name — written to api/<package>.api.md.
//
//   node scripts/api-report.mjs            compares the reports with the code; on a difference it
//                                          prints a diff and exits 1 (the test command runs this)
//   node scripts/api-report.mjs --update   rewrites the reports (`pnpm run api:update`)
//
// How: one TypeScript program over the packages' sources (the `@districtkit/source` condition,
// as the type check), declarations emitted in memory; each export's symbol is followed to its
// declaration, whose emitted form (inferred types written out) is printed on one normalized text.
// An unintended change of the public API then fails the test command; an intended one is a
// visible diff in the commit that regenerates the report.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { packagesInBuildOrder } from "./package-order.mjs";

const require = createRequire(import.meta.url);
const ts = require("typescript");

const root = resolve(new URL("..", import.meta.url).pathname);
const update = process.argv.includes("--update");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const apiDir = join(root, "api");

/** The entry points of a package: [subpath, absolute source file]. */
function entryPoints(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const out = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const source = typeof target === "string" ? target : target?.["@districtkit/source"];
    if (typeof source === "string" && source.endsWith(".ts")) out.push([subpath, resolve(pkgDir, source)]);
  }
  return { name: pkg.name, entries: out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) };
}

const packages = packagesInBuildOrder(root).filter((p) => only.length === 0 || only.includes(p));
const infos = packages.map((p) => ({ dir: p, ...entryPoints(join(root, "packages", p)) }));

const base = ts.getParsedCommandLineOfConfigFile(join(root, "packages", "core", "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const options = {
  ...base.options,
  composite: false,
  incremental: false,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  declarationMap: false,
  sourceMap: false,
  removeComments: true,
  stripInternal: true,
  rootDir: root,
  outDir: join(root, ".api-out"),
  tsBuildInfoFile: undefined,
};
const program = ts.createProgram({ rootNames: infos.flatMap((i) => i.entries.map((e) => e[1])), options });
const checker = program.getTypeChecker();

// declarations emitted in memory: source file → its .d.ts, parsed
const emitted = new Map();
program.emit(undefined, (fileName, text) => {
  if (fileName.endsWith(".d.ts")) emitted.set(resolve(fileName), text);
});
const dtsCache = new Map();
function dtsOf(sourceFile) {
  const rel = relative(root, sourceFile.fileName).replace(/\.tsx?$/, ".d.ts");
  const dtsName = join(options.outDir, rel);
  let sf = dtsCache.get(dtsName);
  if (sf === undefined) {
    const text = emitted.get(dtsName);
    sf = text === undefined ? null : ts.createSourceFile(dtsName, text, ts.ScriptTarget.ES2022, true);
    dtsCache.set(dtsName, sf);
  }
  return sf;
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function nameOfStatement(st) {
  if (st.name && ts.isIdentifier(st.name)) return st.name.text;
  return null;
}

/** The emitted statements that declare `name` at the top level of a .d.ts (overloads, merges). */
function emittedDeclarations(dts, name) {
  const out = [];
  for (const st of dts.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) {
          out.push(ts.factory.updateVariableStatement(st, st.modifiers, ts.factory.createVariableDeclarationList([d], st.declarationList.flags)));
        }
      }
    } else if (nameOfStatement(st) === name) out.push(st);
  }
  return out;
}

const KIND = [
  [ts.SyntaxKind.FunctionDeclaration, "function"],
  [ts.SyntaxKind.ClassDeclaration, "class"],
  [ts.SyntaxKind.InterfaceDeclaration, "interface"],
  [ts.SyntaxKind.TypeAliasDeclaration, "type"],
  [ts.SyntaxKind.EnumDeclaration, "enum"],
  [ts.SyntaxKind.VariableStatement, "const"],
  [ts.SyntaxKind.ModuleDeclaration, "namespace"],
];
/**
 * The checker writes a union (and a zod enum's `{ a: "a"; … }` map) in the order it created the
 * member types, which follows the order it checked the files — an import reordered elsewhere
 * would change the report. Sorted here, so the report changes only when the API does.
 */
function normalized(node, sourceFile) {
  const text = (n) => printer.printNode(ts.EmitHint.Unspecified, n, sourceFile);
  const byText = (a, b) => {
    const x = text(a);
    const y = text(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const keyOf = (m) => (ts.isPropertySignature(m) && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) || ts.isNumericLiteral(m.name)) ? m.name.text : null);
  const isEnumEntry = (m) => {
    const key = keyOf(m);
    return key !== null && m.type !== undefined && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) && m.type.literal.text === key;
  };
  const transformer = (ctx) => {
    const visit = (n) => {
      const v = ts.visitEachChild(n, visit, ctx);
      if (ts.isUnionTypeNode(v)) return ctx.factory.updateUnionTypeNode(v, ctx.factory.createNodeArray([...v.types].sort(byText)));
      if (ts.isTypeLiteralNode(v) && v.members.length > 1 && v.members.every(isEnumEntry)) {
        return ctx.factory.updateTypeLiteralNode(v, ctx.factory.createNodeArray([...v.members].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))));
      }
      return v;
    };
    return (n) => ts.visitNode(n, visit);
  };
  const result = ts.transform(node, [transformer]);
  const out = result.transformed[0];
  result.dispose();
  return out;
}

const kindOf = (st) => KIND.find(([k]) => k === st.kind)?.[1] ?? ts.SyntaxKind[st.kind];

/** One export's lines: `### name (kind)` then its declaration(s), as emitted, in a ts block. */
function describeExport(exportName, symbol, seen) {
  let target = symbol;
  if (target.flags & ts.SymbolFlags.Alias) target = checker.getAliasedSymbol(target);
  const decls = target.declarations ?? [];
  // `export * as ns from "./x.js"`: the namespace's own exports, each under ns.
  if (decls.length > 0 && decls.every((d) => ts.isSourceFile(d))) {
    return checker
      .getExportsOfModule(target)
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((s) => describeExport(`${exportName}.${s.name}`, s, seen));
  }
  const texts = [];
  const kinds = new Set();
  for (const decl of decls) {
    const sf = decl.getSourceFile();
    const key = `${sf.fileName}#${target.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const dts = dtsOf(sf);
    const sts = dts ? emittedDeclarations(dts, target.name) : [];
    if (sts.length === 0) {
      texts.push(`/* not found in the emitted declarations of ${relative(root, sf.fileName)} */`);
      continue;
    }
    for (const st of sts) {
      kinds.add(kindOf(st));
      texts.push(
        printer
          .printNode(ts.EmitHint.Unspecified, normalized(st, dts), dts)
          .replace(/^export /, "")
          .replace(/^declare /, ""),
      );
    }
  }
  seen.clear();
  const alias = exportName !== target.name ? ` (exported as ${exportName}, declared as ${target.name})` : "";
  return [{ name: exportName, text: `### ${exportName} — ${[...kinds].sort().join(", ") || "?"}${alias}\n\n\`\`\`ts\n${texts.join("\n")}\n\`\`\`` }];
}

function report(info) {
  const parts = [
    `# API report: ${info.name}`,
    "",
    "<!-- Generated by scripts/api-report.mjs (`pnpm run api:update`); do not edit by hand. -->",
    "<!-- Every export of every entry point, its kind and its declaration as published (.d.ts, doc comments left out). -->",
  ];
  for (const [subpath, file] of info.entries) {
    const sf = program.getSourceFile(file);
    const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
    const entry = subpath === "." ? info.name : `${info.name}/${subpath.replace(/^\.\//, "")}`;
    parts.push("", `## ${entry}`);
    if (!moduleSymbol) {
      parts.push("", "(no exports)");
      continue;
    }
    const exports = checker.getExportsOfModule(moduleSymbol).flatMap((s) => describeExport(s.name, s, new Set()));
    exports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of exports) parts.push("", e.text);
  }
  return `${parts.join("\n")}\n`;
}

/** A line diff (longest common subsequence) with a few lines of context, for the failure message. */
function diff(oldText, newText, context = 2) {
  const a = oldText.split("\n");
  const b = newText.split("\n");
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push([" ", a[i++], j++]);
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push(["+", b[j++]]);
    else ops.push(["-", a[i++]]);
  }
  const show = ops.map((op, k) => op[0] !== " " || ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o[0] !== " "));
  const lines = [];
  for (let k = 0; k < ops.length; k++) {
    if (show[k]) lines.push(`${ops[k][0]} ${ops[k][1]}`);
    else if (k > 0 && show[k - 1]) lines.push("  …");
  }
  return lines.join("\n");
}

mkdirSync(apiDir, { recursive: true });
let differs = 0;
for (const info of infos) {
  const file = join(apiDir, `${info.dir}.api.md`);
  const text = report(info);
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (text === old) {
    console.log(`api/${info.dir}.api.md: unchanged`);
    continue;
  }
  if (update) {
    writeFileSync(file, text);
    console.log(`api/${info.dir}.api.md: ${old === "" ? "written" : "updated"}`);
  } else {
    differs++;
    console.log(`\napi/${info.dir}.api.md differs from the code's public API (- report, + code):\n`);
    console.log(old === "" ? "(no report yet)" : diff(old, text));
  }
}
if (!update && only.length === 0) {
  const known = new Set(infos.map((i) => `${i.dir}.api.md`));
  for (const f of readdirSync(apiDir)) {
    if (f.endsWith(".api.md") && !known.has(f)) {
      console.log(`api/${f}: no such package (delete it)`);
      differs++;
    }
  }
}
if (differs > 0) {
  console.log(`\n${differs} API report(s) differ. If the change is intended, run \`npx -y pnpm@10 run api:update\` and commit api/ with a changeset.`);
  process.exit(1);
}
