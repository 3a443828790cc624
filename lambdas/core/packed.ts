/**
 * Rule tables that ship packed (brotli + base64, written by scripts/pack-langs.ts): as object
 * literals their names in many scripts would take a large part of the poll bundle's budget.
 */
import { Buffer } from 'node:buffer';
import { brotliDecompressSync } from 'node:zlib';

/** The JSON value a packed table holds. */
export function unpackJson(b64: string): unknown {
  return JSON.parse(brotliDecompressSync(Buffer.from(b64, 'base64')).toString('utf8'));
}
