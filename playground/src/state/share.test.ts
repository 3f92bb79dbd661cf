import { describe, expect, it } from "vitest";
import { defaultState } from "./schema.js";
import { decodeShare, encodeShare, fromBase64Url, toBase64Url } from "./share.js";

describe("share links", () => {
  it("round-trips the state through deflate-raw and base64url", async () => {
    const state = { ...defaultState(), tab: "devices" as const };
    const fragment = await encodeShare(state);
    expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(await decodeShare(`#${fragment}`)).toEqual({ ok: true, state });
  });
  it("round-trips arbitrary bytes through base64url", () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });
  it("refuses damaged links with a message instead of throwing", async () => {
    const r = await decodeShare("#s=AAAA");
    expect(r.ok).toBe(false);
    expect(await decodeShare("#x=1")).toMatchObject({ ok: false });
    expect(await decodeShare("#s=%%%")).toMatchObject({ ok: false });
  });
  it("names the field that fails validation", async () => {
    const bad = { ...defaultState(), scenarios: [{ id: "baseline", name: "Baseline", levers: { enrollmentChangePercent: 99 } }], activeScenarioId: "baseline" };
    const r = await decodeShare(await encodeShare(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join("\n")).toContain("scenarios.0.levers.enrollmentChangePercent");
  });
});
