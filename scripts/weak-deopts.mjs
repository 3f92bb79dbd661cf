// Used by the packages' built-package tests (packages/*/test/builtPackage.test.ts): runs a module's
// text in a child Node process with V8's deoptimization trace and lists the functions, among the
// names given, whose optimized code V8 threw away because an object it checks was collected
// ("weak objects": a hidden class that no living object has any more). An engine whose hot code is
// thrown away this way on every call is re-optimized on every call.
import { spawnSync } from "node:child_process";

/**
 * Runs `script` (an ES module, run with `--expose-gc`) under `--trace-deopt`.
 * @returns the exit status, the process's stdout and stderr, and the names in `names` of each
 *   function thrown away for "weak objects", once per time
 */
export function weakObjectDeopts(script, names) {
  const r = spawnSync(process.execPath, ["--expose-gc", "--trace-deopt", "--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const lost = r.stdout
    .split("\n")
    .filter((line) => line.includes("reason: weak objects"))
    .map((line) => /SharedFunctionInfo ([\w#]+)/.exec(line)?.[1])
    .filter((name) => name !== undefined && names.includes(name));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lost };
}
