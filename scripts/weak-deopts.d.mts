/** Runs a module's text under V8's deoptimization trace (see weak-deopts.mjs). */
export declare function weakObjectDeopts(script: string, names: readonly string[]): { status: number | null; stdout: string; stderr: string; lost: string[] };
