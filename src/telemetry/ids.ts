/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter, then random bits. Ids made on one
 * page sort in the order they were made, even within the same millisecond, and need no secure context
 * (`crypto.randomUUID` does).
 */
let lastMs = 0;
let counter = 0;

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');

export function uuidv7(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    // Start low in the counter's range, so many ids in one millisecond still fit.
    counter = ((bytes[6]! & 7) << 8) | bytes[7]!;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  ms = lastMs;
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return (ms.toString(16).padStart(12, '0') + hex(bytes.subarray(6))).replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
