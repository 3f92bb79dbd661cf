import { type AppState, appStateSchema, describeIssues } from "./schema.js";

/**
 * Share-as-link: the state is JSON, compressed with the browser's own CompressionStream
 * ("deflate-raw", no dependency), written as base64url in the URL hash (`#s=…`). Nothing is
 * sent anywhere: the hash never reaches a server.
 */
export const SHARE_PREFIX = "s=";

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("the link contains characters that are not base64url");
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Encode the state as the hash fragment of a share link (without the leading "#"). */
export async function encodeShare(state: AppState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return SHARE_PREFIX + toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

export type DecodeResult = { ok: true; state: AppState } | { ok: false; problems: string[] };

/** Decode and validate a share fragment. Never throws: a bad link gives its problems. */
export async function decodeShare(fragment: string): Promise<DecodeResult> {
  const body = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (!body.startsWith(SHARE_PREFIX)) return { ok: false, problems: ["the link does not hold a DistrictKit scenario (expected #s=…)"] };
  let json: unknown;
  try {
    const bytes = await pipe(fromBase64Url(body.slice(SHARE_PREFIX.length)), new DecompressionStream("deflate-raw"));
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    return { ok: false, problems: [`the link is damaged or incomplete (${e instanceof Error ? e.message : String(e)})`] };
  }
  const parsed = appStateSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  return { ok: true, state: parsed.data };
}
