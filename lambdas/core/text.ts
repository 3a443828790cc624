/**
 * Plain-text helpers shared by the feed normaliser and the classifier.
 * Pure and fast: regex passes only, no DOM.
 */

/** Named entities seen in real feeds; anything else numeric is handled generically. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  shy: '', zwnj: '', zwj: '', lrm: '', rlm: '',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', bull: '\u2022', middot: '\u00b7',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5',
  cent: '\u00a2', sect: '\u00a7', para: '\u00b6', times: '\u00d7', divide: '\u00f7', minus: '\u2212',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', ugrave: 'ù',
  uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ', szlig: 'ß',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø', Ugrave: 'Ù',
  Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', oelig: 'œ', OElig: 'Œ', scaron: 'š', Scaron: 'Š',
};

function codePoint(n: number): string {
  // Invalid, surrogate or control code points become a space rather than garbage or a throw.
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return ' ';
  if (n < 0x20 && n !== 0x09 && n !== 0x0a && n !== 0x0d) return ' ';
  return String.fromCodePoint(n);
}

/** Decodes HTML character references (named, decimal, hex). Unknown names are left as they are. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return codePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    const named = NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? m;
  });
}

/** Tags that end a block of text: they become a space (or a line break), never glue two words. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'blockquote',
  'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'hr',
]);
/** Elements whose content is never text a reader sees. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object']);
const CLOSERS = new Map([...HIDDEN_CONTENT].map((n) => [n, new RegExp(`</${n}\\s*>`, 'gi')]));

/** Paired CDATA sections unwrapped (their content is markup too); an unpaired opener stays as text. */
function unwrapCdata(s: string): string {
  let at = s.indexOf('<![CDATA[');
  if (at < 0) return s;
  let out = '';
  let last = 0;
  while (at >= 0) {
    const close = s.indexOf(']]>', at + 9);
    // No closer after this opener means none after any later opener either: stop (linear time).
    if (close < 0) break;
    out += s.slice(last, at) + s.slice(at + 9, close);
    last = close + 3;
    at = s.indexOf('<![CDATA[', last);
  }
  return out + s.slice(last);
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Markup removed in one left-to-right pass: comments, hidden elements (script, style…) and tags
 * dropped, block tags turned into `blockSep`. Every search either moves past what it found or
 * proves that nothing of its kind follows, so the pass is linear for any input ("<p" × 100,000
 * with no ">" included). A "<" that starts no tag ("a < b") is kept.
 */
function stripMarkup(s: string, blockSep: string): string {
  let out = '';
  let last = 0;
  // Cached positions of the next ">" and "<" (-1: none left), so no character is searched twice.
  let gt = -2;
  let lt = -2;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) !== 60) continue;
    let repl: string | null = null;
    let end = -1;
    const c1 = s.charCodeAt(i + 1);
    if (c1 === 33 && s.charCodeAt(i + 2) === 45 && s.charCodeAt(i + 3) === 45) {
      const close = s.indexOf('-->', i + 4);
      end = close < 0 ? n : close + 3;
      repl = ' ';
    } else {
      const closing = c1 === 47;
      let j = i + (closing ? 2 : 1);
      const c0 = s.charCodeAt(j);
      if ((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90)) {
        const nameStart = j;
        while (j < n && isNameChar(s.charCodeAt(j))) j++;
        // Longer names are no tag we know: no need to lower-case them.
        const name = j - nameStart <= 10 ? s.slice(nameStart, j).toLowerCase() : '';
        const closer = closing ? undefined : CLOSERS.get(name);
        if (closer) {
          closer.lastIndex = j;
          const m = closer.exec(s);
          end = m ? m.index + m[0].length : n;
          repl = ' ';
        } else {
          if (gt !== -1 && gt < j) gt = s.indexOf('>', j);
          if (BLOCK_TAGS.has(name)) {
            if (gt >= 0) {
              end = gt + 1;
              repl = blockSep;
            }
          } else {
            if (lt !== -1 && lt <= i) lt = s.indexOf('<', i + 1);
            if (gt >= 0 && (lt < 0 || gt < lt)) {
              end = gt + 1;
              repl = '';
            }
          }
        }
      }
    }
    if (repl !== null) {
      out += s.slice(last, i) + repl;
      last = end;
      i = end - 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * HTML (or plain text) to one line of plain text: script/style/comments dropped, tags removed,
 * entities decoded, whitespace collapsed. Text that merely contains "<" (e.g. "a < b") survives.
 * Linear in the input's length.
 */
export function htmlToText(input: string | null | undefined): string {
  if (!input) return '';
  let s = String(input);
  if (s.includes('<')) s = stripMarkup(unwrapCdata(s), ' ');
  const encoded = s.includes('&');
  s = decodeEntities(s);
  // Entities can encode tags ("&lt;b&gt;"): a second strip keeps markup out of plain text. Without
  // entities the first pass left no tag behind.
  if (encoded && s.includes('<')) s = s.replace(/<\/?[a-z][^<>]*>/gi, '');
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts text to at most `max` characters on a code point boundary, with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - 1));
  // Do not leave half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}\u2026`;
}
