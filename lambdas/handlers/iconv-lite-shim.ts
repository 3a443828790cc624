/**
 * Lambda bundles only (esbuild alias `iconv-lite` → this file, see lib/function.ts): the part of
 * iconv-lite the HTTP fetcher uses, on Node's built-in TextDecoder. The Lambda Node.js runtime has
 * full ICU, so Shift_JIS, EUC-JP, GBK/GB18030, Big5, EUC-KR, KOI8 and the windows-/ISO-8859
 * code pages all decode; iconv-lite's own code tables (~490 KB of the poll bundle) are left out.
 * A label TextDecoder does not know reports "does not exist", so the fetcher falls back to UTF-8
 * exactly as it does for a label iconv-lite does not know. test/infra/bundle.test.ts checks that
 * both decode alike and that the fetcher uses nothing else of iconv-lite.
 */
/** Labels iconv-lite decodes as true ISO-8859-1 (TextDecoder would treat them as windows-1252). */
const LATIN1 = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'cp819', 'ibm819', 'binary']);
/** windows-1252 labels: Node 20's TextDecoder decodes these as ISO-8859-1, so map 0x80-0x9f here. */
const CP1252 = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'win1252', 'ascii', 'us-ascii']);
// prettier-ignore
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function encodingExists(label: string): boolean {
  const l = label.trim().toLowerCase();
  if (LATIN1.has(l) || CP1252.has(l)) return true;
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function decode(body: Uint8Array, encoding: string, options: { stripBOM?: boolean } = {}): string {
  const l = encoding.trim().toLowerCase();
  if (LATIN1.has(l)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  if (CP1252.has(l)) {
    let out = '';
    for (const byte of body) out += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte);
    return out;
  }
  // TextDecoder strips a leading BOM unless ignoreBOM; iconv-lite strips it unless stripBOM: false.
  return new TextDecoder(encoding, { ignoreBOM: options.stripBOM === false }).decode(body);
}

export default { encodingExists, decode };
