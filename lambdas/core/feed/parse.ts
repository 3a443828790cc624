/**
 * Feed parsing and normalising: decoded feed text in, bounded plain-text items with a stable
 * identity out. Pure: no network, no clock (fetchedAt is passed in).
 *
 * rss-parser (xml2js/sax, strict mode) does the XML; this module makes real-world feeds
 * acceptable to it first (bare "&", HTML entities, DOCTYPEs) and turns its loose output into
 * NormalizedItem.
 */
import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { FeedParseError } from '../errors.js';
import type { NormalizedItem } from '../model.js';
import { htmlToText, leadText, truncate } from '../text.js';

export interface ParseContext {
  feedId: string;
  /** When the body was fetched: dates after it are clamped to it. */
  fetchedAt: Date;
  /** The configured language of the feed; wins over what the feed itself declares. */
  language?: string | null;
  /** At most this many items are returned, the newest ones. */
  maxItems?: number;
  /** URL the feed was fetched from: resolves relative item links when the feed has no <link>. */
  baseUrl?: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: NormalizedItem[];
}

/** 500 items covers the longest real feeds (Google News returns 100); beyond is a dump, not news. */
const DEFAULT_MAX_ITEMS = 500;
/** Limits of NormalizedItem (model.ts): titles are headlines, summaries are bounded for storage and the classifier. */
const MAX_TITLE = 1_000;
const MAX_SUMMARY = 20_000;
/** A headline borrowed from the summary for untitled items is kept short, like a real headline. */
const BORROWED_TITLE = 200;
/**
 * How much of a raw field is read for its lead: the lead opens the page, and 50,000 characters of
 * markup hold its first paragraphs; reading all 200,000 would only cost time.
 */
const LEAD_WINDOW = 50_000;
/** A headline field longer than this is not a headline; its first 10,000 characters make the title. */
const TITLE_WINDOW = 10 * MAX_TITLE;
/** Stored guids are bounded too; identity is still the hash of the whole guid. */
const MAX_GUID = 1_000;
/** Links longer than this are not links a reader follows; they would bloat every stored item. */
const MAX_LINK = 4_096;
/** 32 hex characters = 128 bits of sha256: collisions are out of reach for any feed volume. */
const ITEM_KEY_HEX = 32;

// ---------------------------------------------------------------------------------------------
// Identity

/** Query parameters that only track the reader: dropping them makes shared links compare equal. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  'ocid', 'cmpid', 'cmp', 'ref', 'ref_src', 'ref_url', 'ito', 'icid', 'ncid', 'smid', 'cid_source',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'spm', 's_cid', 'wt.mc_id', 'at_medium', 'at_campaign',
  'soc_src', 'soc_trk', 'sr_share', 'feature', 'xtor',
]);

function isTrackingParam(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    key = rawKey.toLowerCase();
  }
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * The canonical form of a link: http(s) only, lower-case scheme and host, no default port, no
 * fragment, no tracking parameters, remaining parameters sorted (their encoding untouched).
 * Relative links resolve against `base`. Anything else → null.
 */
export function canonicalLink(url: string | null | undefined, base?: string | null): string | null {
  if (!url) return null;
  const raw = url.trim();
  if (!raw || raw.length > MAX_LINK) return null;
  let u: URL;
  try {
    u = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname) return null;
  u.hash = '';
  if (u.search) {
    const pairs = u.search
      .slice(1)
      .split('&')
      .filter((p) => p !== '' && !isTrackingParam(p.split('=')[0] ?? ''));
    // Sort by key then value, comparing raw text: deterministic and encoding-preserving.
    pairs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    u.search = pairs.length ? `?${pairs.join('&')}` : '';
  }
  const out = u.href;
  return out.length > MAX_LINK ? null : out;
}

export interface ItemIdentity {
  feedId: string;
  guid?: string | null;
  link?: string | null;
  title?: string | null;
  /** ISO date as parsed from the feed (before clamping), or null. */
  published?: string | null;
}

/**
 * The stable key of an item: sha256 of its guid (scoped to the feed: guids are only unique per
 * feed), else of its canonical link, else of its title and date.
 */
export function itemKeyOf(item: ItemIdentity): string {
  const guid = item.guid?.trim();
  let basis: string;
  if (guid) {
    basis = `guid:${item.feedId}:${guid}`;
  } else {
    const link = canonicalLink(item.link);
    basis = link ? `link:${link}` : `title:${(item.title ?? '').trim()}|${item.published ?? ''}`;
  }
  return createHash('sha256').update(basis, 'utf8').digest('hex').slice(0, ITEM_KEY_HEX);
}

// ---------------------------------------------------------------------------------------------
// Sanitising

// Named entities HTML knows but XML does not; they become numeric references so sax accepts them.
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(' ');
const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega'.split(' ');
const OTHER_ENTITIES: Record<string, number> = {
  OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732,
  thetasym: 977, upsih: 978, piv: 982, ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205,
  lrm: 8206, rlm: 8207, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220,
  rdquo: 8221, bdquo: 8222, dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240,
  prime: 8242, Prime: 8243, lsaquo: 8249, rsaquo: 8250, oline: 8254, frasl: 8260, euro: 8364,
  image: 8465, weierp: 8472, real: 8476, trade: 8482, alefsym: 8501, larr: 8592, uarr: 8593,
  rarr: 8594, darr: 8595, harr: 8596, crarr: 8629, lArr: 8656, uArr: 8657, rArr: 8658, dArr: 8659,
  hArr: 8660, forall: 8704, part: 8706, exist: 8707, empty: 8709, nabla: 8711, isin: 8712,
  notin: 8713, ni: 8715, prod: 8719, sum: 8721, minus: 8722, lowast: 8727, radic: 8730, prop: 8733,
  infin: 8734, ang: 8736, and: 8743, or: 8744, cap: 8745, cup: 8746, int: 8747, there4: 8756,
  sim: 8764, cong: 8773, asymp: 8776, ne: 8800, equiv: 8801, le: 8804, ge: 8805, sub: 8834,
  sup: 8835, nsub: 8836, sube: 8838, supe: 8839, oplus: 8853, otimes: 8855, perp: 8869, sdot: 8901,
  lceil: 8968, rceil: 8969, lfloor: 8970, rfloor: 8971, lang: 9001, rang: 9002, loz: 9674,
  spades: 9824, clubs: 9827, hearts: 9829, diams: 9830,
};
const HTML_ENTITIES: Map<string, number> = (() => {
  const m = new Map<string, number>();
  LATIN1_NAMES.forEach((n, i) => m.set(n, 160 + i));
  GREEK_UPPER.forEach((n, i) => {
    if (n === '_') return;
    m.set(n, 913 + i);
    m.set(n.toLowerCase(), 945 + i);
  });
  m.set('sigmaf', 962);
  for (const [n, cp] of Object.entries(OTHER_ENTITIES)) m.set(n, cp);
  return m;
})();
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Makes every "&" in character data well-formed: valid refs stay, HTML names go numeric, the rest is escaped. */
function fixEntities(segment: string): string {
  if (!segment.includes('&')) return segment;
  // The lookahead skips the five XML entities without a callback: entity-heavy feeds stay fast.
  return segment.replace(/&(?!(?:amp|lt|gt|quot|apos);)(?:(#[0-9]{1,10}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z_][A-Za-z0-9._-]{0,63});)?/g, (m, ref?: string) => {
    if (ref === undefined) return '&amp;'; // bare "&", as in "AT&T" or "?a=1&b=2"
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const cp = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      // A reference to a character XML forbids (e.g. &#1;) fails the whole document in sax.
      return isXmlChar(cp) ? m : '&#xFFFD;';
    }
    if (XML_ENTITIES.has(ref)) return m;
    const cp = HTML_ENTITIES.get(ref) ?? HTML_ENTITIES.get(ref.toLowerCase());
    // Unknown names (including DTD-declared ones, whose declarations are stripped) stay literal text.
    return cp !== undefined ? `&#${cp};` : `&amp;${ref};`;
  });
}

/** Index just past the end of the DOCTYPE starting at `start` (internal subset and quotes aware). */
function doctypeEnd(s: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start + 9; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[') {
      depth++;
    } else if (c === ']') {
      depth = Math.max(0, depth - 1);
    } else if (c === '>' && depth === 0) {
      return i + 1;
    }
  }
  return s.length;
}

/**
 * Makes a real-world feed acceptable to a strict XML parser without changing its meaning:
 * DOCTYPEs dropped (so no DTD, no custom entity is ever expanded: no XXE, no billion laughs),
 * entities fixed outside CDATA and comments, characters XML forbids removed.
 */
export function sanitiseXml(text: string): string {
  const s = text
    .replace(/^[\ufeff\s]+/, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  const out: string[] = [];
  const marker = /<!\[CDATA\[|<!--|<!DOCTYPE/gi;
  let i = 0;
  for (;;) {
    marker.lastIndex = i;
    const m = marker.exec(s);
    if (!m) {
      out.push(fixEntities(s.slice(i)));
      break;
    }
    out.push(fixEntities(s.slice(i, m.index)));
    const token = m[0].toUpperCase();
    if (token === '<!DOCTYPE') {
      i = doctypeEnd(s, m.index);
      continue;
    }
    const close = token === '<!--' ? '-->' : ']]>';
    const end = s.indexOf(close, m.index + token.length);
    if (end < 0) {
      // Unterminated: keep as is and let the parser report the malformed document.
      out.push(s.slice(m.index));
      break;
    }
    out.push(s.slice(m.index, end + close.length));
    i = end + close.length;
  }
  return wrapMarkupFields(out.join(''));
}

/**
 * Text fields that carry markup as child elements (Atom type="xhtml", RSS descriptions with raw
 * HTML) become CDATA: xml2js does not keep the order of mixed content, so "on the <abbr>TSA</abbr>
 * requirements" would come back as "on the requirements.TSA".
 */
// Attributes are bounded so a run of unterminated "<title x" tags cannot make the scan quadratic.
const MARKUP_FIELD_OPEN = /<(content:encoded|description|content|summary|title)(\s[^<>]{0,2000})?(?<!\/)>/g;

function wrapMarkupFields(xml: string): string {
  const out: string[] = [];
  // Names with no closing tag after some point: searching again could only fail (and cost O(n) each).
  const unclosed = new Set<string>();
  let last = 0;
  MARKUP_FIELD_OPEN.lastIndex = 0;
  for (let m = MARKUP_FIELD_OPEN.exec(xml); m; m = MARKUP_FIELD_OPEN.exec(xml)) {
    const name = m[1]!;
    if (unclosed.has(name)) continue;
    const innerStart = MARKUP_FIELD_OPEN.lastIndex;
    const close = new RegExp(`</${name}\\s*>`, 'g');
    close.lastIndex = innerStart;
    const c = close.exec(xml);
    if (!c) {
      unclosed.add(name);
      continue;
    }
    const inner = xml.slice(innerStart, c.index);
    MARKUP_FIELD_OPEN.lastIndex = c.index;
    if (!/<[A-Za-z]/.test(inner) || inner.includes('<![CDATA[') || inner.includes('<!--') || inner.includes(']]>')) continue;
    out.push(xml.slice(last, innerStart), '<![CDATA[', inner, ']]>');
    last = c.index;
  }
  out.push(xml.slice(last));
  return out.join('');
}

/** Name of the document's root element, skipping the prolog; null when the text is not XML-like. */
function rootElementName(s: string): string | null {
  let i = 0;
  for (;;) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (s.startsWith('<!', i)) {
      const end = s.indexOf('>', i + 2);
      if (end < 0) return null;
      i = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w:.-]*)/.exec(s.slice(i, i + 200));
      return m ? m[1]! : null;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Zone abbreviations seen in real feeds that Date.parse does not know (unambiguous ones only). */
const ZONES: Record<string, string> = {
  JST: '+0900', KST: '+0900', HKT: '+0800', SGT: '+0800', AWST: '+0800', CET: '+0100', CEST: '+0200',
  EET: '+0200', EEST: '+0300', MSK: '+0300', BST: '+0100', WET: '+0000', WEST: '+0100', AEST: '+1000',
  AEDT: '+1100', NZST: '+1200', NZDT: '+1300', UTC: '+0000', Z: '+0000',
};

/** Parses a feed date (RFC 822, ISO 8601, common variants) to epoch ms; zone-less means UTC. */
export function parseFeedDate(raw: string | null | undefined): number | null {
  if (!raw) return null;
  let s = raw.trim().replace(/\s+/g, ' ');
  if (!s) return null;
  // ISO date-time without a zone would be read as local time: feeds mean UTC (or do not know).
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s = `${s.replace(' ', 'T')}Z`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s = `${s}T00:00:00Z`;
  else {
    s = s.replace(/ ([A-Z]{1,4})$/, (m, z: string) => (ZONES[z] ? ` ${ZONES[z]}` : m));
    if (/\d{1,2}:\d{2}(:\d{2})?$/.test(s) && !/[+-]\d{2}:?\d{2}$/.test(s)) s = `${s} +0000`;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  // Before the web or absurdly far ahead: a placeholder ("0001-01-01"), not a date.
  const year = new Date(t).getUTCFullYear();
  if (year < 1990 || year > 9999) return null;
  return t;
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Loose = Record<string, unknown>;

/** Text of an xml2js/rss-parser value: a string, {_: text}, or the first of an array. */
function textOf(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object' && typeof (v as Loose)['_'] === 'string') return (v as Loose)['_'] as string;
  return null;
}

/**
 * The site of the outlet an item names in RSS 2.0 `<source url="…">` (Google News: the publisher
 * behind its redirect link), as an origin ("https://www.orf.at"); null when absent or not http(s).
 */
export function outletSiteOf(raw: Loose): string | null {
  const v = raw['outletSource'];
  const first = Array.isArray(v) ? v[0] : v;
  const url = first && typeof first === 'object' ? (first as { $?: Loose }).$?.['url'] : null;
  if (typeof url !== 'string' || url.length > MAX_LINK) return null;
  try {
    const u = new URL(url.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? u.origin : null;
  } catch {
    return null;
  }
}

function primaryLanguage(v: unknown): string | null {
  const t = textOf(v)?.trim();
  if (!t) return null;
  const m = /^([A-Za-z]{2,3})(?:[-_]|$)/.exec(t);
  return m ? m[1]!.toLowerCase() : null;
}

/** Raw markup is cut before it is converted to text, so a 10 MB field costs no more than a page. */
function cutRaw(s: string, max: number): string {
  if (s.length <= max) return s;
  // Drop a tag cut in half so it does not leak into the text.
  return s.slice(0, max).replace(/<[^<>]*$/, '');
}

/** A raw title field as the item's plain-text title. */
export function readTitle(raw: string): string {
  return truncate(htmlToText(cutRaw(raw, TITLE_WINDOW)), MAX_TITLE);
}

/** A raw content field as the lead a reader would read (see richestSummary). */
export function readLead(raw: string, title: string): string {
  return leadText(cutRaw(raw, LEAD_WINDOW), { title });
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function newParser(): Parser<Loose> {
  // dc:language is how RSS 1.0 channels declare their language; rss-parser only reads <language>.
  // <source url="…">Outlet</source> (RSS 2.0): rss-parser would keep only its text; keepArray keeps
  // the attributes (see outletSiteOf).
  const parser = new Parser<Loose>({
    defaultRSS: 2,
    customFields: { feed: ['dc:language'], item: [['source', 'outletSource', { keepArray: true }]] },
  });
  // rss-parser turns Atom <published>/<updated> into ISO with `new Date(x).toISOString()`, which
  // throws on an invalid date and loses the whole feed. Hand it the entry without them and keep
  // the raw values for parseFeedDate.
  const p = parser as unknown as { parseItemAtom(entry: Loose): Loose };
  const original = p.parseItemAtom.bind(parser);
  p.parseItemAtom = (entry: Loose): Loose => {
    const { published, updated, ...rest } = entry;
    const item = original(rest);
    item['atomPublished'] = textOf(published);
    item['atomUpdated'] = textOf(updated);
    return item;
  };
  return parser;
}

async function parseXml(xml: string): Promise<Loose> {
  try {
    return (await newParser().parseString(xml)) as unknown as Loose;
  } catch (cause) {
    const msg = oneLine(cause);
    if (/not recognized as RSS/i.test(msg)) {
      throw new FeedParseError('PARSE_NOT_A_FEED', `not a feed: ${msg}`, { cause });
    }
    // rss-parser indexes required elements blindly: a TypeError means well-formed XML without them.
    if (cause instanceof TypeError) {
      throw new FeedParseError('PARSE_MALFORMED', `feed structure not understood (missing <channel>?): ${msg}`, { cause });
    }
    throw new FeedParseError('PARSE_MALFORMED', `malformed XML: ${msg}`, { cause });
  }
}

interface Candidate {
  raw: Loose;
  order: number;
  guid: string | null;
  link: string | null;
  title: string;
  parsedAt: number | null;
  itemKey: string;
}

/**
 * Parses RSS 2.0, Atom 1.0 or RSS 1.0/RDF text into normalised items (the newest `maxItems`,
 * in document order, one per identity). Throws FeedParseError PARSE_NOT_A_FEED when the text is
 * not a feed (HTML, JSON, empty) and PARSE_MALFORMED when it is broken XML.
 */
export async function parseFeed(text: string, ctx: ParseContext): Promise<ParsedFeed> {
  if (!text || !text.trim()) throw new FeedParseError('PARSE_NOT_A_FEED', `feed ${ctx.feedId}: empty document`);
  const xml = sanitiseXml(text);
  const first = xml[0];
  if (first === '{' || first === '[') {
    throw new FeedParseError('PARSE_NOT_A_FEED', `feed ${ctx.feedId}: looks like JSON, not an RSS/Atom feed`);
  }
  const root = rootElementName(xml);
  if (!root) throw new FeedParseError('PARSE_NOT_A_FEED', `feed ${ctx.feedId}: does not start with an XML element`);
  const local = (root.split(':').pop() ?? root).toLowerCase();
  if (local === 'html') throw new FeedParseError('PARSE_NOT_A_FEED', `feed ${ctx.feedId}: an HTML page, not a feed`);
  if (local !== 'rss' && local !== 'feed' && local !== 'rdf') {
    throw new FeedParseError('PARSE_NOT_A_FEED', `feed ${ctx.feedId}: root element <${root}> is not rss, feed or rdf:RDF`);
  }

  let feed: Loose;
  try {
    feed = await parseXml(xml);
  } catch (err) {
    if (err instanceof FeedParseError) {
      throw new FeedParseError(err.code, `feed ${ctx.feedId}: ${err.message}`, { cause: err.cause });
    }
    throw err;
  }

  const fetchedAtMs = ctx.fetchedAt.getTime();
  const feedTitle = truncate(htmlToText(textOf(feed['title'])), MAX_TITLE) || null;
  const feedLink = canonicalLink(textOf(feed['link']), ctx.baseUrl ?? undefined);
  const linkBase = feedLink ?? ctx.baseUrl ?? null;
  const feedLanguage = primaryLanguage(feed['language']) ?? primaryLanguage(feed['dc:language']);
  const rawItems = Array.isArray(feed['items']) ? (feed['items'] as Loose[]) : [];

  // Cheap identity pass first; summaries (the expensive part) only for the items kept.
  const byKey = new Map<string, Candidate>();
  rawItems.forEach((raw, order) => {
    const rawGuid = (textOf(raw['guid']) ?? textOf(raw['id']))?.trim() || null;
    const rawLink = textOf(raw['link']) ?? textOf(raw['rdf:about']);
    let link = canonicalLink(rawLink, linkBase);
    // RSS guids are permalinks unless isPermaLink="false": use them when <link> is missing.
    if (!link && rawGuid && /^https?:\/\//i.test(rawGuid)) link = canonicalLink(rawGuid);
    const title = readTitle(textOf(raw['title']) ?? '');
    const parsedAt =
      parseFeedDate(textOf(raw['atomPublished'])) ??
      parseFeedDate(textOf(raw['pubDate'])) ??
      parseFeedDate(textOf(raw['date'])) ??
      parseFeedDate(textOf(raw['atomUpdated']));
    const itemKey = itemKeyOf({
      feedId: ctx.feedId,
      guid: rawGuid,
      link,
      title,
      published: parsedAt === null ? null : new Date(parsedAt).toISOString(),
    });
    // A repeated guid (or link) is the same item published twice: the first one wins.
    if (byKey.has(itemKey)) return;
    byKey.set(itemKey, { raw, order, guid: rawGuid, link, title, parsedAt, itemKey });
  });

  let kept = [...byKey.values()];
  const maxItems = Math.max(0, ctx.maxItems ?? DEFAULT_MAX_ITEMS);
  if (kept.length > maxItems) {
    kept = [...kept]
      .sort((a, b) => (b.parsedAt ?? -Infinity) - (a.parsedAt ?? -Infinity) || a.order - b.order)
      .slice(0, maxItems)
      .sort((a, b) => a.order - b.order);
  }

  const fetchedAt = ctx.fetchedAt.toISOString();
  const items: NormalizedItem[] = [];
  for (const c of kept) {
    const summary = richestSummary(c.raw, c.title);
    const title = c.title || truncate(summary, BORROWED_TITLE);
    if (!title && !summary && !c.link && !c.guid) continue; // an empty <item/>: nothing to say or key on
    const published = c.parsedAt === null ? null : new Date(Math.min(c.parsedAt, fetchedAtMs)).toISOString();
    const outletSite = outletSiteOf(c.raw);
    items.push({
      itemKey: c.itemKey,
      feedId: ctx.feedId,
      guid: c.guid ? truncate(c.guid, MAX_GUID) : null,
      link: c.link,
      ...(outletSite ? { outletSite } : {}),
      title,
      summary,
      published,
      language: ctx.language ?? primaryLanguage(c.raw['language']) ?? feedLanguage ?? null,
      fetchedAt,
    });
  }
  return { title: feedTitle, items };
}

/**
 * The longest lead among the item's content fields (full content beats a teaser). A field is read
 * as a reader would (leadText): a whole page from content:encoded keeps its story paragraphs up to
 * the first related-articles or read-more block, without sidebars, link lists or boilerplate; a
 * description that is only a link to the headline (Google News: headline + outlet) is no lead.
 */
function richestSummary(raw: Loose, title: string): string {
  let best = '';
  for (const field of ['content:encoded', 'content', 'summary', 'contentSnippet', 'description']) {
    // rss-parser's contentSnippet is `content` with the markup stripped, links and all: when the
    // markup is there, it is read instead (it tells a link list from a lead).
    if (field === 'contentSnippet' && textOf(raw['content'])) continue;
    const v = textOf(raw[field]);
    if (!v) continue;
    const text = readLead(v, title);
    if (text.length > best.length) best = text;
  }
  return truncate(best, MAX_SUMMARY);
}
