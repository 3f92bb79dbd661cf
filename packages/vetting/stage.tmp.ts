import { generateApps, prepareRubric } from "./src/index.js";
import { checkApp } from "./src/internal/checkApp.js";
import { compileRubric } from "./src/internal/compile.js";
import { prepare, scoreChecked } from "./src/score.js";
import { newEvaluation, evaluate } from "./src/internal/evaluate.js";
const { rubric, apps, asOf } = generateApps({ apps: 10_000, criteria: 80, seed: "V1" });
const prepared = prepareRubric(rubric);
const p = prepare(prepared, { asOf, district: { state: "NY" } });
const cr = compileRubric(prepared);
const slots = new Array(80).fill(undefined);
const issues: any[] = [];
function time(name: string, f: () => void) { const ts: number[] = []; for (let k = 0; k < 9; k++) { const c0 = process.cpuUsage(); f(); const c = process.cpuUsage(c0); ts.push((c.user + c.system) / 1000); } ts.sort((a, b) => a - b); console.log(name.padEnd(16), "cpu median", ts[4]!.toFixed(1), "min", ts[0]!.toFixed(1)); }
time("checkApp", () => { for (const a of apps) checkApp(a, ["apps", 0], cr, issues, slots); });
const allSlots = apps.map((a) => { const s = new Array(80).fill(undefined); checkApp(a, ["x"], cr, issues, s); return s; });
const ev = newEvaluation(); ev.wantDetail = false;
time("evaluate only", () => { for (const s of allSlots) for (let j = 0; j < 80; j++) { const a = s[j]; if (a) evaluate(cr.criteria[j]!, a.value, asOf, 0, ev); } });
time("scoreChecked", () => { for (let i = 0; i < apps.length; i++) scoreChecked(p, apps[i] as any, allSlots[i]!, ev, issues, ["x"]); });
let t = process.cpuUsage(); let s = 0; for (let i = 0; i < 1e7; i++) s += i * 0.5; const c = process.cpuUsage(t); console.log("loop 1e7 cpu", ((c.user + c.system) / 1000).toFixed(1));
