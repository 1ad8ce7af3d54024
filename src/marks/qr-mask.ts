/**
 * qrcode's mask choice (lib/core/mask-pattern.js getBestMask) on the matrix's arrays: the same
 * penalties, so the same mask, but without its get()/isReserved()/xor() call per module over 8
 * masks × 6 passes, ~8 ms in a cold process where that code still runs in the interpreter. The
 * matrix is never changed here; qrcode masks it with the chosen pattern afterwards.
 */
export interface QrBitMatrix {
  size: number;
  data: Uint8Array;
  reservedBit: Uint8Array;
}

/** The pattern (0-7) with the lowest penalty; `setupFormat(p)` writes pattern p's format bits (they count). */
export function bestMask(matrix: QrBitMatrix, setupFormat: (pattern: number) => void): number {
  const n = matrix.size;
  const masked = new Uint8Array(n * n);
  let best = 0;
  let lowest = Infinity;
  for (let p = 0; p < 8; p++) {
    setupFormat(p);
    const { data, reservedBit } = matrix;
    for (let i = 0, k = 0; i < n; i++) {
      for (let j = 0; j < n; j++, k++) {
        if (reservedBit[k]) {
          masked[k] = data[k];
          continue;
        }
        let bit: boolean;
        switch (p) {
          case 0: bit = (i + j) % 2 === 0; break;
          case 1: bit = i % 2 === 0; break;
          case 2: bit = j % 3 === 0; break;
          case 3: bit = (i + j) % 3 === 0; break;
          case 4: bit = (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0; break;
          case 5: bit = ((i * j) % 2) + ((i * j) % 3) === 0; break;
          case 6: bit = (((i * j) % 2) + ((i * j) % 3)) % 2 === 0; break;
          default: bit = (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
        }
        masked[k] = bit ? data[k] ^ 1 : data[k];
      }
    }
    const penalty = penalties(masked, n);
    if (penalty < lowest) {
      lowest = penalty;
      best = p;
    }
  }
  return best;
}

/** N1 + N2 + N3 + N4 of ISO/IEC 18004 as qrcode computes them. */
function penalties(m: Uint8Array, n: number): number {
  let n1 = 0;
  let n3 = 0;
  for (let a = 0; a < n; a++) {
    // along row a (h) and along column a (v)
    let lastH = -1, countH = 0, bitsH = 0;
    let lastV = -1, countV = 0, bitsV = 0;
    for (let b = 0; b < n; b++) {
      const h = m[a * n + b];
      if (h === lastH) countH++;
      else {
        if (countH >= 5) n1 += 3 + countH - 5;
        lastH = h;
        countH = 1;
      }
      const v = m[b * n + a];
      if (v === lastV) countV++;
      else {
        if (countV >= 5) n1 += 3 + countV - 5;
        lastV = v;
        countV = 1;
      }
      bitsH = ((bitsH << 1) & 0x7ff) | h;
      bitsV = ((bitsV << 1) & 0x7ff) | v;
      if (b >= 10) {
        if (bitsH === 0x5d0 || bitsH === 0x05d) n3++;
        if (bitsV === 0x5d0 || bitsV === 0x05d) n3++;
      }
    }
    if (countH >= 5) n1 += 3 + countH - 5;
    if (countV >= 5) n1 += 3 + countV - 5;
  }
  let n2 = 0;
  for (let row = 0; row < n - 1; row++) {
    for (let col = 0, k = row * n; col < n - 1; col++, k++) {
      const sum = m[k] + m[k + 1] + m[k + n] + m[k + n + 1];
      if (sum === 4 || sum === 0) n2++;
    }
  }
  let dark = 0;
  for (let k = 0; k < m.length; k++) dark += m[k];
  const k4 = Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10);
  return n1 + n2 * 3 + n3 * 40 + k4 * 10;
}
