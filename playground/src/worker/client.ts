import { type Remote, wrap } from "comlink";
import type { EngineApi } from "./engine.worker.js";

let remote: Remote<EngineApi> | null = null;

/** The engine worker, started on first use (Comlink proxy: every call returns a promise). */
export function engineWorker(): Remote<EngineApi> {
  if (!remote) {
    const worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module", name: "districtkit-engines" });
    remote = wrap<EngineApi>(worker);
  }
  return remote;
}
