/**
 * Rule tables that ship packed (brotli, then base91 text; written by scripts/pack-langs.ts): as
 * object literals their names in many scripts would take a large part of the poll bundle's budget.
 *
 * base91 (speed19): basE91's scheme (Joachim Henke: 13 or 14 bits per pair of characters) over the
 * 91 printable ASCII characters other than `"`, `'` and `\`, so the text needs no escape in a string
 * literal and each character is one byte of the bundle: 1.23 characters per packed byte where
 * base64 takes 1.33 (the poll bundle's packed tables: ~22 kB less). Decoding is one pass, a few
 * milliseconds per cold start, as base64's was.
 */
import { Buffer } from 'node:buffer';
import { brotliDecompressSync } from 'node:zlib';

/** The 91 digits: '!' to '~' without `"`, `'` and `\`. */
export const BASE91_DIGITS = [...Array(94)].map((_, i) => String.fromCharCode(33 + i)).filter((c) => !`"'\\`.includes(c)).join('');

/** The bytes as base91 text (scripts/pack-langs.ts). */
export function base91Encode(bytes: Uint8Array): string {
  let out = '';
  let b = 0;
  let n = 0;
  for (const byte of bytes) {
    b |= byte << n;
    n += 8;
    if (n > 13) {
      let v = b & 8191;
      if (v > 88) {
        b >>= 13;
        n -= 13;
      } else {
        v = b & 16383;
        b >>= 14;
        n -= 14;
      }
      out += BASE91_DIGITS[v % 91]! + BASE91_DIGITS[(v / 91) | 0]!;
    }
  }
  if (n > 0) {
    out += BASE91_DIGITS[b % 91]!;
    if (n > 7 || b > 90) out += BASE91_DIGITS[(b / 91) | 0]!;
  }
  return out;
}

/** The value of each digit's character code (-1: not a digit). */
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE91_DIGITS.length; i++) DIGIT_VALUE[BASE91_DIGITS.charCodeAt(i)] = i;

/** The bytes a base91Encode text stands for. */
export function base91Decode(text: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((text.length * 7) / 8) + 1);
  let o = 0;
  let v = -1;
  let b = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? DIGIT_VALUE[c]! : -1;
    if (d < 0) throw new Error(`packed table: not a base91 digit at ${i}`);
    if (v < 0) {
      v = d;
      continue;
    }
    v += d * 91;
    b |= v << n;
    n += (v & 8191) > 88 ? 13 : 14;
    do {
      out[o++] = b & 255;
      b >>= 8;
      n -= 8;
    } while (n > 7);
    v = -1;
  }
  if (v > -1) out[o++] = (b | (v << n)) & 255;
  return out.subarray(0, o);
}

/** The JSON value a packed table holds. */
export function unpackJson(packed: string): unknown {
  return JSON.parse(brotliDecompressSync(base91Decode(packed)).toString('utf8'));
}
