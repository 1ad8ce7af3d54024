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
// filled by ranges, not distance by distance (32,768 steps in a fresh process); past 512 every
// code's distances start on a 128 boundary (d - 1 = 512, 768, 1024...), so its slots are whole
for (let i = 0; i < 30; i++) {
  const start = DIST_BASE[i]!;
  const end = i < 29 ? DIST_BASE[i + 1]! : WINDOW + 1;
  if (start <= 512) DIST_INDEX_LOW.fill(i, start - 1, Math.min(end, 513) - 1);
  else DIST_INDEX_HIGH.fill(i, (start - 1) >> 7, ((end - 2) >> 7) + 1);
}

// the hash chains, kept between calls (each call starts them afresh)
const head = new Int32Array(HASH_SIZE);
const prev = new Int32Array(WINDOW);

/**
 * Raw deflate (no zlib header) of `data`: one final block with the fixed codes.
 *
 * Written as one loop with the hashing, the chain insertion and the bit writing inlined: a fresh
 * process runs this in V8's interpreter and baseline compiler, where each call of a small closure
 * per byte cost more than the work it does.
 */
export function deflateFixed(data: Uint8Array): Uint8Array {
  const n = data.length;
  // at most 9 bits a literal, plus the block header and the end code
  const out = new Uint8Array(((n * 9 + 7) >> 3) + 16);
  let pos = 0;
  // BFINAL (1) and BTYPE 01, fixed Huffman codes: the stream's first three bits, least significant first
  let bitBuf = 0b011;
  let bitCount = 3;
  head.fill(-1);
  const hashShift = 32 - HASH_BITS;
  /** the last position with three bytes to hash */
  const lastHashed = n - MIN_MATCH;
  let i = 0;
  while (i < n) {
    let bestLen = 0;
    let bestDist = 0;
    let h = 0;
    if (i <= lastHashed) {
      h = Math.imul((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!, 0x9e3779b1) >>> hashShift;
      const limit = Math.min(MAX_MATCH, n - i);
      let candidate = head[h]!;
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
      // position i into its chain (after the search: a position never matches itself)
      prev[i & (WINDOW - 1)] = head[h]!;
      head[h] = i;
    }
    if (bestLen >= MIN_MATCH) {
      // the length's code and extra bits, then the distance's (each at most 25 bits with what is pending)
      const li = LENGTH_INDEX[bestLen]!;
      const lc = 257 + li;
      const lBits = LIT_BITS[lc]!;
      bitBuf |= (LIT_CODE[lc]! | ((bestLen - LENGTH_BASE[li]!) << lBits)) << bitCount;
      bitCount += lBits + LENGTH_EXTRA[li]!;
      while (bitCount >= 8) {
        out[pos++] = bitBuf & 0xff;
        bitBuf >>>= 8;
        bitCount -= 8;
      }
      const di = bestDist <= 512 ? DIST_INDEX_LOW[bestDist - 1]! : DIST_INDEX_HIGH[(bestDist - 1) >> 7]!;
      bitBuf |= (DIST_CODE[di]! | ((bestDist - DIST_BASE[di]!) << 5)) << bitCount;
      bitCount += 5 + DIST_EXTRA[di]!;
      while (bitCount >= 8) {
        out[pos++] = bitBuf & 0xff;
        bitBuf >>>= 8;
        bitCount -= 8;
      }
      // the match's other positions into their chains
      const after = i + bestLen;
      const end = Math.min(after, lastHashed + 1);
      for (i++; i < end; i++) {
        const hi = Math.imul((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!, 0x9e3779b1) >>> hashShift;
        prev[i & (WINDOW - 1)] = head[hi]!;
        head[hi] = i;
      }
      i = after;
    } else {
      const b = data[i]!;
      bitBuf |= LIT_CODE[b]! << bitCount;
      bitCount += LIT_BITS[b]!;
      while (bitCount >= 8) {
        out[pos++] = bitBuf & 0xff;
        bitBuf >>>= 8;
        bitCount -= 8;
      }
      i++;
    }
  }
  // end of block (7 bits)
  bitBuf |= LIT_CODE[256]! << bitCount;
  bitCount += LIT_BITS[256]!;
  while (bitCount > 0) {
    out[pos++] = bitBuf & 0xff;
    bitBuf >>>= 8;
    bitCount -= 8;
  }
  return out.subarray(0, pos);
}
