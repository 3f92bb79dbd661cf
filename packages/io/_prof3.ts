import Papa from "papaparse";
import { generateGoogleAdminExport, readGoogleAdminDevices } from "./src/index.js";
const csv = generateGoogleAdminExport({ devices: 100_000, seed: 1, schools: 30 });
const bytes = new TextEncoder().encode(csv);
const fns: Record<string, () => unknown> = { papa: () => Papa.parse(csv), read: () => readGoogleAdminDevices(bytes) };
const times: Record<string, number[]> = { papa: [], read: [] };
for (let k = 0; k < 11; k++) for (const [n, f] of Object.entries(fns)) { const t = performance.now(); f(); times[n]!.push(performance.now() - t); }
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, med(v).toFixed(0)])), (med(times.read!) / med(times.papa!)).toFixed(2));
