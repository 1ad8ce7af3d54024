/**
 * A small deflate encoder (RFC 1951) for the package's text parts: LZ77 over a 32 KB window with
 * short hash chains, written as one block with the fixed Huffman codes (§3.2.6).
 *
 * Why not fflate, which the whole faces still use (zip.ts): a DOCX has some 30 XML parts of a few
 * kilobytes; fflate builds three Huffman trees and allocates its tables for each, which costs more
 * than the compression itself in a fresh process, where V8 has not yet optimised fflate's large
 * loop (~30 ms for a document's XML in a cold run). This encoder has no trees and one small loop,
 * reuses its tables, and is pure JavaScript: the same bytes on every machine. Fixed codes make
 * XML about a tenth larger than dynamic ones would (a few kilobytes a document).
 */

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const HASH_BITS = 15;
const HASH_SIZE = 1 << HASH_BITS;
/** How many earlier positions with the same hash are tried (the longest match wins; the nearest on a tie). */
const CHAIN = 8;
/** A match this long is taken without looking further. */
const GOOD_ENOUGH = 32;

/** Length codes 257..285: the first length of each and its extra bits (§3.2.5). */
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Distance codes 0..29: the first distance of each and its extra bits. */
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/** Reverses the low `bits` bits of `code` (Huffman codes are sent most significant bit first). */
function reversed(code: number, bits: number): number {
  let r = 0;
  for (let i = 0; i < bits; i++) r = (r << 1) | ((code >> i) & 1);
  return r;
}

/** The fixed literal/length code (§3.2.6), bit-reversed for an LSB-first stream, and its length. */
const LIT_CODE = new Uint16Array(288);
const LIT_BITS = new Uint8Array(288);
for (let v = 0; v < 288; v++) {
  const [code, bits] = v < 144 ? [0x30 + v, 8] : v < 256 ? [0x190 + v - 144, 9] : v < 280 ? [v - 256, 7] : [0xc0 + v - 280, 8];
  LIT_CODE[v] = reversed(code, bits);
  LIT_BITS[v] = bits;
}
/** The fixed distance code: five bits, reversed. */
const DIST_CODE = Uint8Array.from({ length: 30 }, (_, d) => reversed(d, 5));

/** Length code index (0..28) by match length 3..258; distance code by distance - 1 (two tables). */
const LENGTH_INDEX = new Uint8Array(MAX_MATCH + 1);
for (let i = 0; i < 29; i++) for (let l = LENGTH_BASE[i]!; l < (i < 28 ? LENGTH_BASE[i + 1]! : 259); l++) LENGTH_INDEX[l] = i;
LENGTH_INDEX[258] = 28;
const DIST_INDEX_LOW = new Uint8Array(512); // distances 1..512
const DIST_INDEX_HIGH = new Uint8Array(256); // distances 513..32768, by (d - 1) >> 7
for (let i = 0; i < 30; i++) {
  const end = i < 29 ? DIST_BASE[i + 1]! : WINDOW + 1;
  for (let d = DIST_BASE[i]!; d < end; d++) {
    if (d <= 512) DIST_INDEX_LOW[d - 1] = i;
    else DIST_INDEX_HIGH[(d - 1) >> 7] = i;
  }
}

// the hash chains, kept between calls (each call starts them afresh)
const head = new Int32Array(HASH_SIZE);
const prev = new Int32Array(WINDOW);

/** Raw deflate (no zlib header) of `data`: one final block with the fixed codes. */
export function deflateFixed(data: Uint8Array): Uint8Array {
  const n = data.length;
  // at most 9 bits a literal, plus the block header and the end code
  const out = new Uint8Array(((n * 9 + 7) >> 3) + 16);
  let pos = 0;
  let bitBuf = 0;
  let bitCount = 0;
  const put = (value: number, bits: number) => {
    bitBuf |= value << bitCount;
    bitCount += bits;
    while (bitCount >= 8) {
      out[pos++] = bitBuf & 0xff;
      bitBuf >>>= 8;
      bitCount -= 8;
    }
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE 01: fixed Huffman codes
  head.fill(-1);
  const hashAt = (i: number) => Math.imul((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!, 0x9e3779b1) >>> (32 - HASH_BITS);
  const insert = (i: number) => {
    const h = hashAt(i);
    prev[i & (WINDOW - 1)] = head[h]!;
    head[h] = i;
  };
  let i = 0;
  while (i < n) {
    let bestLen = 0;
    let bestDist = 0;
    if (i + MIN_MATCH <= n) {
      const limit = Math.min(MAX_MATCH, n - i);
      let candidate = head[hashAt(i)]!;
      for (let tries = 0; candidate >= 0 && i - candidate <= WINDOW && tries < CHAIN; tries++) {
        if (data[candidate + bestLen] === data[i + bestLen]) {
          let len = 0;
          while (len < limit && data[candidate + len] === data[i + len]) len++;
          if (len > bestLen) {
            bestLen = len;
            bestDist = i - candidate;
            if (len >= GOOD_ENOUGH || len === limit) break;
          }
        }
        const next = prev[candidate & (WINDOW - 1)]!;
        if (next >= candidate) break; // a slot since reused by a later position
        candidate = next;
      }
    }
    if (bestLen >= MIN_MATCH) {
      const li = LENGTH_INDEX[bestLen]!;
      put(LIT_CODE[257 + li]!, LIT_BITS[257 + li]!);
      if (LENGTH_EXTRA[li]) put(bestLen - LENGTH_BASE[li]!, LENGTH_EXTRA[li]!);
      const di = bestDist <= 512 ? DIST_INDEX_LOW[bestDist - 1]! : DIST_INDEX_HIGH[(bestDist - 1) >> 7]!;
      put(DIST_CODE[di]!, 5);
      if (DIST_EXTRA[di]) put(bestDist - DIST_BASE[di]!, DIST_EXTRA[di]!);
      const end = i + bestLen;
      for (; i < end; i++) if (i + MIN_MATCH <= n) insert(i);
    } else {
      put(LIT_CODE[data[i]!]!, LIT_BITS[data[i]!]!);
      if (i + MIN_MATCH <= n) insert(i);
      i++;
    }
  }
  put(LIT_CODE[256]!, LIT_BITS[256]!); // end of block
  if (bitCount > 0) out[pos++] = bitBuf & 0xff;
  return out.subarray(0, pos);
}
