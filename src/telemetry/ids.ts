/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter, then random bits. Ids made on one
 * page sort in the order they were made, even within the same millisecond, and need no secure context
 * (`crypto.randomUUID` does).
 */
let lastMs = 0;
let counter = 0;
const bytes = new Uint8Array(10);
const HEX = Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));

export function uuidv7(): string {
  crypto.getRandomValues(bytes);
  const ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    // Start low in the counter's range, so many ids in one millisecond still fit.
    counter = ((bytes[0]! & 7) << 8) | bytes[1]!;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  bytes[0] = 0x70 | (counter >> 8);
  bytes[1] = counter & 0xff;
  bytes[2] = 0x80 | (bytes[2]! & 0x3f);
  let h = lastMs.toString(16).padStart(12, '0');
  for (const b of bytes) h += HEX[b];
  return h.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
