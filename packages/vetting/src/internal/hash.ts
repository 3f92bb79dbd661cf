// FNV-1a (32-bit) over strings, for inputsHash: cheap, deterministic, the same in every runtime.
export const HASH_SEED = 0x811c9dc5;

export function hashText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // separator, so ["ab","c"] and ["a","bc"] differ
  h ^= 0x1f;
  return Math.imul(h, 0x01000193);
}

export function hex(h: number): string {
  return (h >>> 0).toString(16).padStart(8, "0");
}
