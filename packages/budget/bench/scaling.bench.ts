// Scaling (issue 18): every budget entry point that takes a list that can be long, at 10,000 and
// 100,000 elements, ratio ≤ 15× (packages/core/bench/scaling.ts; the cases in ./scalingCases.ts).
import { registerScaling } from "../../core/bench/scaling.js";
import { scalingCases } from "./scalingCases.js";

registerScaling(scalingCases);
