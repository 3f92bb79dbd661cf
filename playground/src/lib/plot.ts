// The part of Observable Plot the playground uses, imported by name so the bundler can leave out
// the rest (G1: first-load JS ≤ 200 KB gzip). Add a mark here before using it in a view.
export { areaY, barX, barY, dot, line, plot, rectY, ruleX, ruleY, text } from "@observablehq/plot";
