/**
 * The decision logic: from cue hits to a Classification. Pure and deterministic.
 *
 * 1. Vendors: aliases anywhere; targets are the vendors in the title or in a sentence that carries a
 *    restriction cue, minus bystanders (customers, beneficiaries).
 * 2. Relevance: a restriction cue + a state actor (or a government feed) − noise (company news,
 *    lawsuits, reactions, sport…) above a threshold.
 * 3. Measure and stage: weighted votes of their cues, the title counting more; lifted and rejected
 *    win when clearly present; an issued security warning is in force (LABELS.md).
 * 4. Countries: references scored by kind (agency > metonym > name) and position (subject of the
 *    headline), discounted when they are an object ("to China"), an earlier actor ("following X's
 *    lead") or the vendor's own origin; a government feed's country is a strong prior.
 */
import { MEASURES, STAGES, type Classification, type ClassifierInput, type Measure, type Stage } from '../model.js';
import { lazyNative, nativeRegExp } from '../native-regex.js';
import { htmlToText, leadText, normalizeForMatch, originalSlice, squeeze, truncate, type Normalized } from '../text.js';
import { cueScanner, dropSubsumed, maskVendors, type CompiledLexicon, type CompiledRules, type Hit, type VendorCue } from './compile.js';
import type { Cue, Tuning, VendorMeta } from './types.js';
import { identifyLanguage } from './langid.js';
import outletCountries from './rules/outlet-countries.json' with { type: 'json' };

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
/** Characters of the item read for language guessing: enough for the stopwords to speak. */
const LANG_SAMPLE = 400;
const MAX_EVIDENCE = 6;
const MAX_STAGE_EVIDENCE = 3;
/** What may stand between a country and a vendor for the country to mark the vendor's origin. */
// …or a quote or bracket that opens the name ("중국 '딥시크'", "中国「ディープシーク」").
const ORIGIN_GAP = /^(?:['\u2019]s)?\s*$|^[の的의]\s*$|^\s*['"\u2018\u201c\u300c\u300e\u300a\u3008\uff02\uff07]\s*$/u;
/**
 * …or a company or product noun in apposition ("ロシアのアンチウイルスソフト・カスペルスキー",
 * "中国科技巨头华为", "중국 통신장비업체 화웨이"): the country still names where the vendor is from.
 */
// Compiled straight to machine code (native-regex.ts): 17 KB of regex bytecode otherwise (speed18).
const originApposition = lazyNative(() => /^(?:[の的의]|\s)?\s?[\p{L}ー]{0,10}(?:企業|企业|大手|巨头|巨頭|公司|メーカー|業者|업체|기업|회사|社|厂商|廠商|ソフト|软件|軟件|軟體|アプリ|应用|應用|앱|ブランド|品牌|機器|设备|設備|장비|스타트업|スタートアップ|初创公司|新創公司)\s?[・·、,'"\u300c\u300e]?\s*$/u);
const ORIGIN_APPOSITION_MAX = 16;
/**
 * …or, in alphabetic scripts, a demonym before a product or company noun and the vendor's name
 * ("Российский антивирус «Касперского»", "Ruský antivirus Kaspersky", "китайский телеком-гигант Huawei"):
 * the demonym (which ru/uk/bg/cs lexicons read as a strong country mention) names where the vendor
 * is from, not who acts. Post-noun order ("l'antivirus russo") is handled in the lexicons.
 */
const originNouns = new WeakMap<Tuning, RegExp | null>();

/**
 * The regex of the tuning's origin nouns (Tuning.originNouns), built once per tuning; null when it
 * has none. Written with one "\p{L}*" after all stems, not one per stem (speed17): the same words,
 * but a case-insensitive \p{L} is a class of ~1,400 ranges once closed over case, and with one per
 * stem the regex made 515 KB of bytecode when first run on a two-byte text, 41% of the regex code
 * of a bench first pass (V8 builds every regex after the first 1 MB without optimisations).
 */
function originNounRe(t: Tuning): RegExp | null {
  let re = originNouns.get(t);
  if (re === undefined) {
    const o = t.originNouns;
    const heads = o ? [...o.stems, ...(o.compoundEnds.length ? [`\\p{L}*(?:${o.compoundEnds.join('|')})`] : [])] : [];
    const alts = [...(heads.length ? [`(?:${heads.join('|')})\\p{L}*`] : []), ...(o?.words ?? [])];
    // Compiled straight to machine code (native-regex.ts): as bytecode still 71 KB (speed18).
    re = alts.length ? nativeRegExp(new RegExp(`^\\p{L}{0,4}\\s+(?:\\p{L}+-)?(?:${alts.join('|')})\\s*[«"'„“‚]?\\s*$`, 'iu')) : null;
    originNouns.set(t, re);
  }
  return re;
}
const ORIGIN_NOUN_MAX = 48;
/**
 * What joins two countries into one subject in a verb-final headline: "호주·뉴질랜드", "호주와 뉴질랜드".
 * Not a comma nor 、: after the first country they close the topic ("인도, 중국 앱 추가 차단" is India
 * blocking Chinese apps).
 */
const COUNTRY_JOINER = /^\s?(?:[·・]|와|과|및|や)\s?$/u;
// The headline and the lead decide; reading 20 kB bodies would only cost time and add noise.
const MAX_TITLE = 500;
const MAX_SUMMARY = 2000;
const MAX_RAW = 20_000;
/** Stage weight from which a cue is unambiguous unless it says otherwise (`sure: false`). */
const SURE_WEIGHT = 5;
/** Order of the proposed/announced/in-force vote: on a tie the first wins. */
const STAGE_VOTE_ORDER = ['proposed', 'announced', 'in_force'] as const;
/**
 * Where a headline's question ends: "?" / "？", or a Korean clause that ends in the interrogative
 * -ㄹ까(요) with no mark ("…美, 사용차단 풀까", "사업 축소 이어질까": "will they lift…?", "will it lead
 * to…?"). Any syllable with the final ㄹ before 까 is that ending; the clause must end the headline
 * or its clause ("…", "·", ",").
 */
const RIEUL_FINAL = Array.from({ length: 399 }, (_, k) => String.fromCharCode(0xac08 + 28 * k)).join('');
const QUESTION_MARK = new RegExp(`[?\\uff1f]|(?<=[${RIEUL_FINAL}])까(?:요)?(?=\\s*(?:[…,·]|$))`, 'gu');
/**
 * Clause and sentence breaks of a headline (a question ends at "?" and starts after one of these).
 * In CJK headlines a comma or a space between clauses breaks too: "…叫停…封杀令,用户的胜利?" and
 * "捷克下令禁用华为 为什么禁用?" report a step and then ask about it. Latin-script commas do not
 * ("Will the US ban TikTok, and what next?" asks from its first word), nor Korean ones, which
 * follow a headline's topic ("딥시크, 국내 서비스 재개 시동?"), nor spaces between Korean words.
 */
const HEADLINE_BREAK = /[.!。！;；…]|\s[-\u2013\u2014|]\s|[:：]\s?|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}」』”"'’])(?:[,，、]\s?|\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]))/gu;

/**
 * Where a question that follows a report in the same headline starts (miss4, issue #8): Spanish "¿"
 * ("Argentina prohíbe TikTok en teléfonos oficiales, ¿qué pasará?"); after a comma, an interrogative
 * word ("India bans 59 apps, will China retaliate?", "…, was bedeutet das?") or a short Korean tail
 * ("中 마이크론 사용 금지, 한국 영향은?"); in Chinese, a clause of three or more Han characters after a
 * Latin word and a space ("印度禁用59款中国APP 要抵制中国产品吗?"; "禁止 TikTok 吗?" stays one question).
 */
const QUESTION_TAIL = /¿|,\s(?=[\p{Script=Hangul}\s]{1,10}[?？]\s*$)|(?<=[A-Za-z0-9])\s+(?=\p{Script=Han}{3})/gu;
/**
 * Interrogatives that open a question after a comma (one word, or two for "che cosa", "o que", "por
 * que"). A word list, not a regex: an alternation of them in a /u lookahead made ~150 KB of regex code
 * over the fixtures (regexp-budget.test.ts).
 */
const TAIL_QUESTION_WORDS = new Set([
  'what', 'how', 'why', 'who', 'will', 'would', 'is', 'are', 'does', 'do', 'can', 'could', 'should',
  'was', 'wie', 'warum', 'wer', 'droht', 'drohen', 'que', 'quel', 'quelle', 'quels', 'quelles', 'comment',
  'pourquoi', 'qui', 'cosa', 'che cosa', 'come', 'perché', 'quale', 'quali', 'o que', 'como', 'por que',
  'qual', 'quais', 'qué', 'cómo', 'quién', 'quiénes',
]);
const TAIL_LEAD_WORDS = new Set(['and', 'but', 'so']);

/** Where a question opened by an interrogative after a comma starts ("…, will China retaliate?"). */
function commaQuestionStarts(title: string): number[] {
  const starts: number[] = [];
  for (let i = title.indexOf(', '); i >= 0; i = title.indexOf(', ', i + 1)) {
    const words = title.slice(i + 2, i + 40).toLowerCase().split(/[\s?？]+/, 3);
    const k = TAIL_LEAD_WORDS.has(words[0] ?? '') ? 1 : 0;
    const w = words[k] ?? '';
    if (TAIL_QUESTION_WORDS.has(w) || TAIL_QUESTION_WORDS.has(`${w} ${words[k + 1] ?? ''}`) || /^qu['’]/.test(w)) starts.push(i + 2);
  }
  return starts;
}
/** A headline that asks from its first word, in the languages QUESTION_TAIL breaks. */
const QUESTION_OPENING = /^\s*(?:will|would|can|could|should|is|are|does|do|did|has|have|why|how|what|who|when|¿)\b|为何|为什么|為何|為什麼|是否|会不会|會不會|能否|如何|怎么|怎麼/i;
/**
 * A question joined to a statement by a conjunction ("The ban hammer crashes down on WA but who will
 * apply for an exemption?", "… mais qui …?", "… aber wer …?"): the statement before it is not asked.
 */
const QUESTION_CLAUSE = /,?\s(?:but|and|yet|so|mais|et|aber|und|doch|pero|y|mas|ma|e)\s(?=(?:who|what|when|where|why|how|which|whose|qui|quoi|quand|où|pourquoi|comment|quel\p{L}*|wer|was|wann|wo|warum|wie|welche\p{L}*|quién|qué|cuándo|dónde|por qué|cómo|cuál|quem|quando|onde|como|chi|cosa|perché)\s)/giu;

/**
 * The questions of a headline as [start, end) spans: each runs from the last sentence or clause
 * break before its "?" ("美国全面制裁封杀中兴? 商务部:…", "EU bans TikTok. And Italy?").
 */
function questionSpans(title: string): Array<[number, number]> {
  // Most headlines ask nothing: no need to find their breaks.
  if (!title.includes('?') && !title.includes('\uff1f') && !title.includes('까')) return [];
  const breaks: number[] = [];
  for (const m of title.matchAll(HEADLINE_BREAK)) breaks.push(m.index + m[0].length);
  // A report followed by a question about it (miss4): the question starts at its own mark or word,
  // or at a conjunction before a question word (rn6fix: "… crashes down on WA but who will …?").
  const tails = commaQuestionStarts(title);
  for (const m of title.matchAll(QUESTION_TAIL)) tails.push(m.index + m[0].length);
  for (const m of title.matchAll(QUESTION_CLAUSE)) tails.push(m.index + m[0].length);
  // …unless the headline asks from its first word ("Will the US ban TikTok, and what next?").
  for (const at of tails) if (!QUESTION_OPENING.test(title.slice(0, at))) breaks.push(at);
  const spans: Array<[number, number]> = [];
  let prev = 0;
  for (const m of title.matchAll(QUESTION_MARK)) {
    let start = prev;
    for (const b of breaks) if (b <= m.index && b > start) start = b;
    spans.push([start, m.index + m[0].length]);
    prev = m.index + m[0].length;
  }
  return spans;
}

interface Sentence {
  start: number;
  end: number;
}

/**
 * News aggregators append the outlet to the headline ("… - The Japan Times", "… - 日本経済新聞",
 * "… - heise online"); the outlet's name is not part of the story and its country is not an actor.
 * The outlet may hold hyphens of its own ("n-tv"), not a spaced dash.
 */
const SOURCE_SUFFIX = /\s+[-\u2013\u2014|]\s+((?:(?!\s[-\u2013\u2014|]\s).){1,60})$/u;

/** The headline without an aggregator's outlet suffix, and that outlet (null when none). */
export function splitSource(title: string): { headline: string; outlet: string | null } {
  const m = SOURCE_SUFFIX.exec(title);
  if (!m) return { headline: title, outlet: null };
  const outlet = (m[1] as string).trim();
  const head = title.slice(0, m.index);
  const words = outlet.split(/\s+/);
  // What is left must still be a headline: two words, or a few CJK characters ("Huawei - ZTE" is not
  // a headline and its outlet).
  const headWords = head.trim().split(/\s+/).length;
  if (headWords < 2 && !(hasCjkText(head) && head.trim().length >= 4)) return { headline: title, outlet: null };
  // An outlet is a name ("The Japan Times", "tagesschau.de", "日本経済新聞"), or a short brand written
  // all in lower case ("heise online", "g1"); a clause that mixes cases ("– Bundesregierung sieht
  // keinen Grund", "– BYD betroffen", "– aus Kostengründen") is part of the story.
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !w.includes('.') && !OUTLET_CONNECTORS.has(w));
  const brand = words.length <= 2 && words.every((w) => !/\p{Lu}/u.test(w));
  if (words.length > 6 || (lower.length > 0 && !brand)) return { headline: title, outlet: null };
  return { headline: head, outlet };
}

export function stripSource(title: string): string {
  return splitSource(title).headline;
}

const OUTLET_CONNECTORS = new Set(['of', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'les', 'del', 'di', 'do', 'da', 'der', 'die', 'das', 'y', 'e', 'et', 'und', 'on', 'in', 'am', 'al', 'el']);

const CJK_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const hasCjkText = (s: string): boolean => CJK_TEXT.test(s);

/**
 * Whether a summary only repeats the headline (a news aggregator's description: a link to the
 * headline and the outlet's name): then the item has no lead of its own.
 */
function repeatsTitle(summary: string, headline: string, outlet: string | null): boolean {
  // A repeat is the headline and a name: a longer summary is a lead (and costs no squeezing).
  if (summary.length > headline.length + 80) return false;
  const sum = squeeze(summary);
  const head = squeeze(headline);
  if (!head || !sum.startsWith(head)) return false;
  const rest = sum.slice(head.length);
  if (!rest) return true;
  if (outlet && rest === squeeze(outlet)) return true;
  // The outlet as the summary names it: a short name after the headline.
  const tail = summary.slice(Math.max(0, summary.length - 80));
  return rest.length <= 40 && splitSource(`${headline} - ${lastName(tail, rest.length)}`).outlet !== null;
}

/** One letter or digit: built once (a \p{…} literal in a function is a new RegExp per call once bundled), machine code. */
const letterOrDigit = lazyNative(() => /[\p{L}\p{N}]/u);

/** The shortest end of `tail` whose letters and digits number `n`: the name after a repeated headline. */
function lastName(tail: string, n: number): string {
  let count = 0;
  let i = tail.length;
  while (i > 0 && count < n) {
    i--;
    if (letterOrDigit().test(tail.charAt(i))) count++;
  }
  return tail.slice(i).trim();
}

const LOWER_START = /^\p{Ll}$/u;

/** Sentence spans; the title is always sentence 0. Abbreviations like "U.S." do not end a sentence. */
function sentences(text: string, titleEnd: number): Sentence[] {
  const out: Sentence[] = [{ start: 0, end: titleEnd }];
  let start = titleEnd;
  for (let i = titleEnd; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    // 。！？ end a CJK sentence directly.
    if (ch === 0x3002 || ch === 0xff01 || ch === 0xff1f) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    } else if ((ch === 46 || ch === 33 || ch === 63) && (i + 1 >= text.length || text.charCodeAt(i + 1) === 32)) {
      const prev = text.charCodeAt(i - 1);
      // A period after a capital letter ("U.S.", "Corp.") is usually an abbreviation.
      if (ch === 46 && prev >= 65 && prev <= 90) continue;
      // Nor does one followed by a lower-case word ("Dahua Technology Co. y Zhejiang …", "Inc. and").
      if (ch === 46 && i + 2 < text.length && LOWER_START.test(text.charAt(i + 2))) continue;
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function sentenceOf(sents: Sentence[], pos: number): number {
  for (let i = 0; i < sents.length; i++) {
    const s = sents[i] as Sentence;
    if (pos < s.end) return i;
  }
  return sents.length - 1;
}

function normLang(s: string | null | undefined): string | null {
  if (!s) return null;
  const tag = s.trim().toLowerCase();
  // The primary subtag ("pt" of "pt-BR", "zh" of "zh_TW"); no regex split, which V8 runs per position.
  let end = 0;
  while (end < tag.length && tag.charCodeAt(end) !== 45 && tag.charCodeAt(end) !== 95) end++;
  const code = tag.slice(0, end);
  return code || null;
}

/** Picks the lexicon to run: declared language when its script fits the text, else a guess. */
export function pickLanguage(c: CompiledRules, input: ClassifierInput, text: string): string {
  // Languages beyond the nine and the scripts they are written in (langid.ts); null keeps the rules below.
  const identified = identifyLanguage(c, input, text).lexicon;
  if (identified) return identified;
  const declared = normLang(input.language) ?? normLang(input.feed?.language);
  const sample = text.length > LANG_SAMPLE ? text.slice(0, LANG_SAMPLE) : text;
  // A few CJK names in Latin text ("DeepSeek (深度求索)", "Premier Cho Jung-tai (卓榮泰)") do not make it
  // CJK text: the script that writes most of the letters decides.
  let cjkCount = 0;
  let latinCount = 0;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample.charCodeAt(i);
    if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 0xc0 && ch <= 0x24f)) latinCount++;
    else if ((ch >= 0x3040 && ch <= 0x30ff) || (ch >= 0x3400 && ch <= 0x4dbf) || (ch >= 0x4e00 && ch <= 0x9fff) ||
      (ch >= 0xac00 && ch <= 0xd7af) || (ch >= 0x1100 && ch <= 0x11ff) || (ch >= 0x3130 && ch <= 0x318f) || (ch >= 0xf900 && ch <= 0xfaff)) cjkCount++;
  }
  // One CJK character carries about as much as three Latin letters.
  const cjkText = cjkCount * 3 >= latinCount * 0.5;
  const hasKana = cjkText && KANA.test(sample);
  const hasHangul = cjkText && HANGUL.test(sample);
  const hasHan = cjkText && HAN.test(sample);
  if (declared && c.lexicons.has(declared)) {
    const lex = (c.lexicons.get(declared) as CompiledLexicon).lexicon;
    if ((lex.script === 'cjk') === cjkText) return declared;
  }
  if (hasHangul && c.lexicons.has('ko')) return 'ko';
  if (hasKana && c.lexicons.has('ja')) return 'ja';
  if (hasHan && c.lexicons.has('zh')) return 'zh';
  let best = c.lexicons.has('en') ? 'en' : (c.latinLanguages[0] ?? 'en');
  let bestCount = 0;
  for (const code of c.latinLanguages) {
    const re = (c.lexicons.get(code) as CompiledLexicon).stopwords;
    if (!re) continue;
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(sample) !== null) n++;
    if (n > bestCount) {
      best = code;
      bestCount = n;
    }
  }
  return best;
}

interface VendorHit {
  vendor: string;
  hit: Hit;
  sent: number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Characters that form unbroken words inside CJK text: Latin names, digits, Hangul, katakana runs. */
// Tested per character while widening evidence: code comparisons, no one-character strings.
function isRunChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}
/** Whether text[a - 1] and text[a] both belong to one unbroken run (false off either end). */
const inRun = (text: string, a: number): boolean => isRunChar(text.charCodeAt(a - 1)) && isRunChar(text.charCodeAt(a));
/** Clause punctuation of CJK text (not whitespace), where a phrase may be cut. */
const CJK_BREAKS = new Set([...'、。，,；;：:！!？?「」『』（）()【】'].map((ch) => ch.charCodeAt(0)));

/** The hit widened to whole words: a cue that matched part of a word ("했다" in "결정했다") is quoted whole. */
function wholeWords(src: Source, hit: Hit): string {
  const text = src.text;
  let a = hit.start;
  let b = hit.end;
  while (a > 0 && inRun(text, a)) a--;
  while (b < text.length && inRun(text, b)) b++;
  return src.quote(a, b);
}

/**
 * The text the rules read (normalised) and how to quote it: evidence is cut where the rules
 * matched and quoted from the original text, so it is always a verbatim phrase of the item.
 */
interface Source {
  text: string;
  quote: (a: number, b: number) => string;
}

function sourceOf(original: string, n: Normalized): Source {
  return { text: n.text, quote: n.starts ? (a, b) => originalSlice(original, n, a, b) : (a, b) => original.slice(a, b) };
}

/** A short phrase around a hit, cut on word boundaries and inside its sentence. */
function snippet(src: Source, sent: Sentence, hit: Hit, cjk: boolean): string {
  const text = src.text;
  const reach = cjk ? 12 : 40;
  let a = Math.max(sent.start, hit.start - reach);
  let b = Math.min(sent.end, hit.end + reach);
  if (!cjk) {
    if (a > sent.start) {
      const sp = text.indexOf(' ', a);
      a = sp >= 0 && sp < hit.start ? sp + 1 : hit.start;
    }
    if (b < sent.end) {
      const sp = text.lastIndexOf(' ', b);
      b = sp > hit.end ? sp : hit.end;
    }
  } else {
    // Never cut through a Latin name or a Korean word ("epSeek", "검" of "검토"): widen to its edges,
    // then prefer the clause: start after the last break before the hit, stop at the first after it.
    while (a > sent.start && inRun(text, a)) a--;
    while (b < sent.end && inRun(text, b)) b++;
    for (let i = hit.start - 1; i >= a; i--) {
      if (CJK_BREAKS.has(text.charCodeAt(i))) {
        a = i + 1;
        break;
      }
    }
    for (let i = hit.end; i < b; i++) {
      if (CJK_BREAKS.has(text.charCodeAt(i))) {
        b = i;
        break;
      }
    }
  }
  return src.quote(a, b).replace(/^[\s,;:(、，]+|[\s,;:)、，]+$/g, '').trim();
}

interface Vote<K extends string> {
  key: K | null;
  top: number;
  second: number;
  hit: Hit | null;
}

function vote<K extends string>(scores: Map<K, number>, best: Map<K, Hit>): Vote<K> {
  let key: K | null = null;
  let top = 0;
  let second = 0;
  for (const [k, v] of scores) {
    if (v > top) {
      second = top;
      top = v;
      key = k;
    } else if (v > second) second = v;
  }
  return { key, top, second, hit: key ? (best.get(key) ?? null) : null };
}

function add<K>(m: Map<K, number>, k: K, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/**
 * What may stand between a context word, or a country it qualifies, and the next country it qualifies.
 * Arabic و (and) is written joined to the next word ("بعد أمريكا وكندا": after the US and Canada).
 */
const CONTEXT_LIST_GAP = /^\s?(?:(?:,|and|&|et|und|y|e|i|og|och|en|、|・|·|و)\s?)*(?:the\s|les\s|la\s|le\s|die\s|der\s|den\s|el\s|los\s)?$/iu;

const LIST_CONJUNCTION = /(?:^|\s)(?:(?:and|&|et|und|y|e|i|og|och|en)\s|و$)/iu;

/** What joins the mentions of a list that an "after" word closes ("X, Y के बाद", "X와 Y에 이어", "X、Y に続き"). */
const AFTER_LIST_GAP = /^\s?(?:[,，、・·]|और|तथा|와|과|및|や|と|và|ve|и|та|و)\s?$/u;

/**
 * The context words that qualify each country mention as not acting ("to China", "China's lead",
 * "中国製", "对美国"): an "after" word right behind the mention; a "before" word right in front of it
 * or, through an article and a list that a conjunction closes, further on ("follows the US, Canada
 * and the EU and bans…" qualifies all three; in "following the US, Japan bans…" Japan acts).
 */
function contextsOfCountries(hits: Hit[], nonActing: Hit[], text: string): Map<Hit, Hit[]> {
  const out = new Map<Hit, Hit[]>();
  if (nonActing.length === 0) return out;
  const countries: Hit[] = [];
  for (let i = 0; i < hits.length; i++) if ((hits[i] as Hit).cue.country || (hits[i] as Hit).cue.countryMap) countries.push(hits[i] as Hit);
  countries.sort((a, b) => a.start - b.start);
  const put = (h: Hit, n: Hit): void => {
    const list = out.get(h);
    if (list) list.push(n);
    else out.set(h, [n]);
  };
  // A "before" word qualifies every mention starting at `start` (a name and a metonym may both match there).
  const qualify = (start: number, n: Hit): void => {
    for (let i = 0; i < countries.length; i++) if ((countries[i] as Hit).start === start) put(countries[i] as Hit, n);
  };
  for (let j = 0; j < nonActing.length; j++) {
    const n = nonActing[j] as Hit;
    if (n.cue.nonActing === 'after') {
      let last = -1;
      for (let i = 0; i < countries.length; i++) {
        const h = countries[i] as Hit;
        if (n.start >= h.end && n.start - h.end <= 1) {
          put(h, n);
          last = i;
        }
      }
      // A list the word closes: back over mentions joined by a comma or a conjunction.
      if (n.cue.nonActingList && last >= 0) {
        let cur = countries[last] as Hit;
        for (let i = last - 1; i >= 0; i--) {
          const h = countries[i] as Hit;
          if (h.end > cur.start) {
            // a name and a metonym of the same mention
            if (h.start === cur.start) put(h, n);
            continue;
          }
          if (!AFTER_LIST_GAP.test(text.slice(h.end, cur.start))) break;
          put(h, n);
          cur = h;
        }
      }
      continue;
    }
    let end = n.end;
    let first = true;
    const pending: number[] = [];
    for (let i = 0; i < countries.length; i++) {
      const h = countries[i] as Hit;
      if (h.start < end) continue;
      const gap = text.slice(end, h.start);
      if (!(first && gap.length <= 1) && !CONTEXT_LIST_GAP.test(gap)) break;
      end = h.end;
      if (first) {
        first = false;
        qualify(h.start, n);
      } else if (LIST_CONJUNCTION.test(gap)) {
        for (let k = 0; k < pending.length; k++) qualify(pending[k] as number, n);
        qualify(h.start, n);
        break;
      } else pending.push(h.start);
    }
  }
  return out;
}

/** Gap allowed between the home country and its speech word ("China's foreign ministry says"). */
const SPEAKER_GAP = 32;
/**
 * What follows a country that is the subject of a verb-final headline: a comma, a topic or subject
 * particle, a ministry, or a quotation mark (a headline that opens "中 '틱톡 금지법'…" or "中 \"…\"").
 */
const SUBJECT_AFTER = /^\s*(?:[,，、:：]|は|が|은|는|이|가|['"\u2018\u201c]|\s*(?:정부|당국|외교부|상무부|政府|当局|外務省|商務省)(?:[,，、]|は|が|은|는|이|가|\s))/u;

/** A country the headline names, with its code. */
interface NamedCountry { h: Hit; code: string }

/**
 * The countries a headline names, in text order (a stable sort: hits at one position keep their
 * order), none inside a vendor's name ("China Mobile"): what originReacts, commentsOnOthersMeasure and
 * pressesAnotherState read the speaker and the other states from, built once per item.
 */
function titleCountries(c: CompiledRules, hits: Hit[], vHits: Hit[], titleEnd: number): NamedCountry[] {
  const out: NamedCountry[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.start >= titleEnd || !(h.cue.country || h.cue.countryMap) || insideAny(vHits, h)) continue;
    const code = h.cue.country ?? resolveCountry(c, h);
    if (code) out.push({ h, code });
  }
  return out.sort((a, b) => a.h.start - b.h.start);
}

/** Whether a headline has the targeted vendors' home country as the speaker of a reaction (see the caller). */
function originReacts(hits: Hit[], vHits: Hit[], countries: NamedCountry[], origins: Set<string>, titleEnd: number, verbFinal = false, text = ''): boolean {
  const speech = hits.filter((h) => h.cue.speech && h.start < titleEnd);
  if (!speech.length) return false;
  // The home country must be the headline's first country: its subject, the one that speaks.
  const first = countries[0];
  if (!first || !origins.has(first.code)) return false;
  // In a verb-final headline the home country speaks when it is the marked subject ("中,", "中国は",
  // "중국 정부가"), not when it only qualifies a noun ("ロシアのウイルス対策ソフト").
  const subject = verbFinal && SUBJECT_AFTER.test(text.slice(first.h.end, first.h.end + 8));
  for (const s of speech) {
    // "China says Australia…", "China urges the UK to…": a plain speech verb reacts to another
    // country named after it; "US tells Nvidia to halt sales to China" speaks to the vendor (a measure).
    // A verb-final headline may name that country before its verb ("中, … EU에 '정치적 조작' 비난").
    const addressee = (x: NamedCountry) => !origins.has(x.code) && (subject ? x.h.start > first.h.end : x.h.start > s.start);
    if (s.cue.speech !== 'reaction' && (!countries.some(addressee) ||
      vHits.some((v) => v.start >= s.end && v.start - s.end <= 1))) continue;
    if (first.h.start <= s.start && s.start - first.h.end <= SPEAKER_GAP) return true;
  }
  return false;
}

/** The length of a stretch of headline in words' letters: a Han, kana or Hangul unit counts as a word (3), spaces and punctuation not at all. */
function letterWeight(t: string): number {
  let n = 0;
  for (const ch of t.replace(/[\s\p{P}]+/gu, '')) n += ch.charCodeAt(0) >= 0x2e80 ? 3 : 1;
  return n;
}

/** What may stand between a state and the restriction word it owns, less the vendors' names ("US ban", "veto de EEUU", "Pemblokiran Huawei oleh AS", "美国对华为禁令"). */
const OWNER_GAP_MAX = 6;
/** A quoted speaker's colon ("Indonesian minister: …", "印尼部长:…"). */
const SPEAKER_COLON = /[:：]/u;
/** Letters allowed before the speaker at the start of the headline: an article ("El Gobierno mexicano…", "The…"). */
const SPEAKER_PREFIX_MAX = 3;

/**
 * Whether a headline is one state's comment on another state's measure (nm1, issue #8): its first state
 * speaks — a country, or a state body of the language's default country named before any country
 * ("Минцифры", "Menteri Kominfo") — through a speech word after it ("Indonesian minister says…", "El
 * Gobierno mexicano dice…", "Минцифры оценило…"), a colon ("Malaysia's PM: …", "印尼部长:…") or, in a
 * verb-final headline, as the marked subject of a speech word ("日本政府、…を注視"); and every
 * restriction word of the headline comes after that and belongs to another state named right next to
 * it ("US ban on Huawei", "美国对华为禁令", "larangan TikTok di AS"). That is a reaction, an impact or a
 * judgement, not a measure of either (LABELS.md): the speaker does not act, and the other state's
 * measure is what it talks about. Not when the speaker is the vendors' home (originReacts), nor when
 * the other state is named as a precedent ("following the US ban": the speaker joins it), nor when a
 * restriction word has no other state next to it ("UK says it will ban Huawei").
 */
function commentsOnOthersMeasure(
  hits: Hit[], vHits: Hit[], countries: NamedCountry[], origins: Set<string>, titleEnd: number, verbFinal: boolean, text: string,
  defaultCountry: string | null | undefined,
): boolean {
  // The vendors' home counts as the other state: it controls its own firms' exports ("中方坚决反对美方
  // 限制英伟达…", "중국 상무부, 미국의 엔비디아 칩 수출통제에 '결연히 반대'"); as the speaker it is originReacts'.
  const restricts: Hit[] = [];
  const nonActing: Hit[] = [];
  let firstActor: Hit | null = null;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.cue.nonActing) nonActing.push(h);
    if (h.start >= titleEnd) continue;
    if (h.cue.restrict) restricts.push(h);
    if (h.cue.actor && (!firstActor || h.start < firstActor.start)) firstActor = h;
  }
  if (!restricts.length || !countries.length) return false;
  const first = countries[0] as NamedCountry;
  let speaker: { start: number; end: number; code: string } = { start: first.h.start, end: first.h.end, code: first.code };
  if (firstActor && firstActor.end <= first.h.start) {
    if (!defaultCountry) return false;
    speaker = { start: firstActor.start, end: firstActor.end, code: defaultCountry };
  }
  // The speaker opens the headline (its subject), after an article at most: "Wegen Russlands Angriff
  // auf die Ukraine: BSI warnt…" and "Cybersicherheit: Japan verbietet…" open with a cause or a topic.
  if (origins.has(speaker.code) || letterWeight(text.slice(0, speaker.start)) > SPEAKER_PREFIX_MAX) return false;
  // Where the speaker's words start: its colon (a country's speaker: a bare office before a colon,
  // "通信情報大臣:", may be another country's), or the speech word after it.
  let from = -1;
  // A colon after a bare country opens a topic ("Ukraine war: …"); after a state's office ("Malaysia's
  // PM:", "印尼部长:") it quotes it.
  const colon = speaker.start === first.h.start ? SPEAKER_COLON.exec(text.slice(speaker.end, Math.min(titleEnd, speaker.end + SPEAKER_GAP))) : null;
  if (colon) {
    const at = speaker.end + colon.index;
    for (let i = 0; i < hits.length && from < 0; i++) {
      const a = hits[i] as Hit;
      if (a.cue.actor && a.start >= speaker.start && a.end <= at) from = at + 1;
    }
  }
  const marked = verbFinal && SUBJECT_AFTER.test(text.slice(speaker.end, speaker.end + 8));
  for (let i = 0; i < hits.length && from < 0; i++) {
    const s = hits[i] as Hit;
    if (!s.cue.speech || s.start >= titleEnd || s.start < speaker.end) continue;
    // A verb-final headline's speech word ends it: the speaker's words start after its subject marker.
    if (marked) from = speaker.end;
    else if (s.start - speaker.end <= SPEAKER_GAP) from = s.end;
  }
  if (from < 0) return false;
  const contexts = contextsOfCountries(hits, nonActing, text);
  // What stands between a state and a restriction word, less the vendors' names.
  const between = (a: number, b: number): number => {
    let t = text.slice(a, b);
    for (let j = 0; j < vHits.length; j++) {
      const v = vHits[j] as Hit;
      if (v.start >= a && v.end <= b) t = t.replace(v.text, '');
    }
    return letterWeight(t);
  };
  for (let i = 0; i < restricts.length; i++) {
    const r = restricts[i] as Hit;
    if (r.start < from) return false;
    let owned = false;
    for (let j = 0; j < countries.length && !owned; j++) {
      const x = countries[j] as NamedCountry;
      // A state named inside the restriction's own words is what it names ("‘중국군 지원 기업’ 추가": the
      // Chinese military companies list), not who owns it.
      if (x.h.start < from || x.code === speaker.code || contexts.has(x.h) || (x.h.start >= r.start && x.h.end <= r.end && x.h.end - x.h.start < r.end - r.start)) continue;
      const gap = x.h.end <= r.start ? between(x.h.end, r.start) : x.h.start >= r.end ? between(r.end, x.h.start) : 0;
      if (gap <= OWNER_GAP_MAX) owned = true;
    }
    if (!owned) return false;
  }
  return true;
}

/** Letters allowed between an urging verb and the state it urges ("calls on EU allies", "chiedono all'Italia", "presiona a Alemania"). */
const URGED_GAP_MAX = 4;

/**
 * Whether a headline is one state pressing another to restrict a vendor (nm1, issue #8): its first
 * state (after an article at most, not the vendors' home: that is originReacts') is followed by an
 * urging verb (cue speech 'urges': "presses", "urges", "calls on", "призвали", "desak", "chiedono"),
 * another state is named right after that verb as its object ("Washington presses Germany to exclude
 * Huawei", "США призвали Германию отказаться от Huawei", "AS desak Jerman larang Huawei"), and a
 * restriction word follows. Neither state decides: the one urged has not acted, the urging one asks
 * (LABELS.md: pressure on others is not a measure). Verb-final headlines ("米国、ドイツにファーウェイ
 * 排除を要求") name the urged state before the verb; their lexicons read them.
 */
function pressesAnotherState(hits: Hit[], countries: NamedCountry[], origins: Set<string>, titleEnd: number, text: string): boolean {
  if (countries.length < 2) return false;
  const first = countries[0] as NamedCountry;
  if (origins.has(first.code) || letterWeight(text.slice(0, first.h.start)) > SPEAKER_PREFIX_MAX) return false;
  for (let i = 0; i < hits.length; i++) {
    const u = hits[i] as Hit;
    if (u.cue.speech !== 'urges' || u.start >= titleEnd || u.start < first.h.end || u.start - first.h.end > SPEAKER_GAP) continue;
    // The state urged: the first one named after the verb, right after it.
    let urged: NamedCountry | null = null;
    for (let j = 0; j < countries.length && !urged; j++) if ((countries[j] as NamedCountry).h.start >= u.end) urged = countries[j] as NamedCountry;
    if (!urged || urged.code === first.code || origins.has(urged.code) || letterWeight(text.slice(u.end, urged.h.start)) > URGED_GAP_MAX) continue;
    for (let j = 0; j < hits.length; j++) {
      const r = hits[j] as Hit;
      if (r.cue.restrict && r.start >= urged.h.end && r.start < titleEnd) return true;
    }
  }
  return false;
}

/** Letters that may describe an operator before its name, less its country's ("Dutch carrier", "最大电信"). */
const FIRM_PREFIX_MAX = 14;

/**
 * Whether a headline reports a company's own choice (nm1, issue #8): it opens with a telecom operator
 * (cue.firm, after an article at most), and the operator is the subject of the headline's first
 * restriction word — an active form, with no state body or country named between them ("Telefónica
 * excluye a Huawei del núcleo 5G", "KPN weert Huawei uit kern", "ソフトバンク、…ファーウェイ製品の使用を
 * やめる", "SK텔레콤, 5G 핵심망에서 화웨이 장비 배제"). A carrier's own commercial choice is not a state
 * measure (LABELS.md). Not a passive form ("BT barred from…": someone bars it), nor a state named
 * before the restriction ("Vodafone: UK government orders…").
 */
function firmChooses(hits: Hit[], titleEnd: number, text: string): boolean {
  let firm: Hit | null = null;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.cue.firm && h.start < titleEnd && (!firm || h.start < firm.start)) firm = h;
  }
  if (!firm) return false;
  // What comes before the operator describes it ("Dutch carrier KPN", "荷兰最大电信KPN", "Spain's
  // Telefónica"): a few words and its country, no state body and no measure of anyone's.
  // A quotation mark before it quotes someone else's words to the operator ("美국무부 \"LG유플러스, …\"").
  if (/["“”«»「『]/u.test(text.slice(0, firm.start))) return false;
  let prefix = letterWeight(text.slice(0, firm.start));
  for (let i = 0; i < hits.length && prefix <= FIRM_PREFIX_MAX; i++) {
    const h = hits[i] as Hit;
    if (h.end > firm.start) continue;
    if (h.cue.actor || h.cue.restrict || h.cue.stage || h.cue.speech || (h.cue.cw ?? 0) >= 3) return false;
    if (h.cue.country || h.cue.countryMap) prefix -= letterWeight(h.text);
  }
  if (prefix > FIRM_PREFIX_MAX) return false;
  let r: Hit | null = null;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.cue.restrict && h.start >= firm.end && h.start < titleEnd && (!r || h.start < r.start)) r = h;
  }
  if (!r || r.cue.passive) return false;
  // A state body anywhere in the headline ("…, beschließt die Bundesregierung", "obligada por el
  // Gobierno a retirar"), or a country before or inside the restriction, decides for the company.
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.start < firm.end || h.start >= titleEnd || insideAny([firm], h)) continue;
    if (h.cue.actor || ((h.cue.country || h.cue.countryMap) && h.start < r.end)) return false;
  }
  return true;
}

const OUTLET_COUNTRIES = new Map(
  Object.entries(outletCountries as Record<string, unknown>)
    .filter((e): e is [string, string[]] => !e[0].startsWith('$') && Array.isArray(e[1]))
    .map(([lang, codes]) => [lang, new Set(codes)] as const),
);

/**
 * The country of the outlet's own domain when that country writes `lang` (rules/outlet-countries.json):
 * the government a report names without a country is most likely its own (orf.at: Austria).
 */
export function outletCountry(link: string | null | undefined, lang: string): string | null {
  const codes = OUTLET_COUNTRIES.get(lang);
  if (!link || !codes) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(link);
  const tld = m?.[1]?.toLowerCase().split('.').at(-1);
  if (!tld || tld.length !== 2) return null;
  const code = tld === 'uk' ? 'GB' : tld.toUpperCase();
  return codes.has(code) ? code : null;
}

/** The country a many-country cue ("<demonym> government") names in this match. */
function resolveCountry(c: CompiledRules, h: Hit): string | undefined {
  for (const [code, re] of c.countryMaps.get(h.cue.id) ?? []) if (re.test(h.text)) return code;
  // A case-sensitive cue matched in capitals ("SWEDISH GOVERNMENT"): its words in capitals too.
  if (h.cue.cs && h.text === h.text.toUpperCase()) {
    for (const [code, re] of c.countryMapsUpper.get(h.cue.id) ?? []) if (re.test(h.text)) return code;
  }
  return undefined;
}

/** A regex per vendor from one vendor-meta.json field, compiled once per rule set (`cache`). */
function vendorRegexes(c: CompiledRules, cache: WeakMap<CompiledRules, Map<string, RegExp>>, source: (meta: VendorMeta) => string | undefined): Map<string, RegExp> {
  let m = cache.get(c);
  if (!m) {
    m = new Map();
    for (const [v, meta] of Object.entries(c.rules.vendorMeta)) {
      const src = source(meta);
      // Compiled straight to machine code (native-regex.ts): Apple's notBefore alone was 23 KB of bytecode.
      if (src) m.set(v, nativeRegExp(new RegExp(src, 'u')));
    }
    cache.set(c, m);
  }
  return m;
}

/** The instruments a generic list or sanctions word can stand for (see measureVote). */
const LIST_INSTRUMENTS: ReadonlySet<Measure> = new Set<Measure>(['export_control', 'sanctions', 'other_restriction']);

/** Each vendor's measureByUnless (vendor-meta.json). */
const MEASURE_BY_UNLESS = new WeakMap<CompiledRules, Map<string, RegExp>>();
function measureByUnless(c: CompiledRules, vendor: string): RegExp | undefined {
  return vendorRegexes(c, MEASURE_BY_UNLESS, (meta) => meta.measureByUnless).get(vendor);
}

/** Each vendor's notBefore (vendor-meta.json), anchored at the name's end. */
const NOT_BEFORE = new WeakMap<CompiledRules, Map<string, RegExp>>();
function notBeforeOf(c: CompiledRules): Map<string, RegExp> {
  return vendorRegexes(c, NOT_BEFORE, (meta) => meta.notBefore && `^(?:${meta.notBefore})`);
}

// classifyCompiled runs once per item and is hot: it is split into phase functions taking plain
// arguments, with indexed loops and one object shape per kind, so that V8 optimises each small
// function once instead of re-optimising one huge function after every "wrong map" deoptimisation.

/** The sentence a position is in: the title is sentence 0. */
function sentenceAt(sents: Sentence[], titleEnd: number, pos: number): number {
  return pos < titleEnd ? 0 : sentenceOf(sents, pos);
}

/** The sentence index of each hit, computed once. */
function hitSentences(hits: Hit[], sents: Sentence[], titleEnd: number): Int32Array {
  const out = new Int32Array(hits.length);
  for (let i = 0; i < hits.length; i++) out[i] = sentenceAt(sents, titleEnd, (hits[i] as Hit).start);
  return out;
}

/** Whether a hit lies inside one of the spans (a vendor inside a bystander cue, "China" inside "China Mobile"). */
function insideAny(spans: Hit[], h: Hit): boolean {
  for (let i = 0; i < spans.length; i++) {
    const b = spans[i] as Hit;
    if (b.start <= h.start && h.end <= b.end) return true;
  }
  return false;
}

/**
 * Whether a country mention is a demonym before a product noun and a vendor's name ("Russian antivirus
 * Kaspersky", "ロシアのセキュリティソフト、カスペルスキー", "俄罗斯杀毒软件卡巴斯基").
 */
function demonymOfVendor(vHits: Hit[], h: Hit, text: string, originNoun: RegExp | null): boolean {
  // Only the nearest vendor name after the mention can stand in apposition to it, and only after a
  // short gap: one regex test per mention (testing every later vendor name made the country votes
  // quadratic in texts that name a country and a vendor many times).
  let next = -1;
  for (let i = 0; i < vHits.length; i++) {
    const at = (vHits[i] as Hit).start;
    if (at >= h.end && (next < 0 || at < next)) next = at;
  }
  if (next < 0 || next - h.end > ORIGIN_NOUN_MAX) return false;
  const gap = text.slice(h.end, next);
  // originNoun needs a space after the demonym: unspaced scripts skip its (slow, case-folding) test.
  return (originNoun !== null && /\s/.test(gap) && originNoun.test(gap)) || (gap.length <= ORIGIN_APPOSITION_MAX && originApposition().test(gap));
}

/** Whether a country mention is glued to a later vendor name as its origin ("China's ZTE", "中国の華為"). */
function marksOriginOf(vHits: Hit[], h: Hit, text: string): boolean {
  for (let i = 0; i < vHits.length; i++) {
    const v = vHits[i] as Hit;
    if (v.start >= h.end && (
      (v.start - h.end <= 3 && ORIGIN_GAP.test(text.slice(h.end, v.start))) ||
      (v.start - h.end <= ORIGIN_APPOSITION_MAX && originApposition().test(text.slice(h.end, v.start))))) return true;
  }
  return false;
}

/** The vendors' home countries (vendor-meta.json), in the vendors' order. */
function homesOf(c: CompiledRules, vendors: Map<string, VendorHit>): Set<string> {
  const homes = new Set<string>();
  for (const v of vendors.keys()) {
    const o = c.rules.vendorMeta[v]?.origin;
    if (o) homes.add(o);
  }
  return homes;
}

/**
 * Target vendors: in the title or in a sentence with a restriction cue, not bystanders nor precedents;
 * then vendors listed with a target; failing all, any vendor outside a bystander sentence.
 */
function pickTargets(vendorHits: VendorHit[], hits: Hit[], bystander: Uint8Array, restrictIn: Float64Array): Map<string, VendorHit> {
  // A vendor named inside a bystander cue ("… schaltet Apple und Google ein": the app stores asked to
  // act) is not a target even in the headline.
  const named: Hit[] = [];
  // A vendor named as a precedent ("in addition to TikTok", "joined Huawei on the list") is the subject
  // of an earlier measure: that mention makes no target (another mention of it still can).
  const precedents: Hit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.cue.bystander) named.push(h);
    if (h.cue.precedent) precedents.push(h);
  }
  const targets = new Map<string, VendorHit>();
  const n = vendorHits.length;
  for (let i = 0; i < n; i++) {
    const v = vendorHits[i] as VendorHit;
    if (targets.has(v.vendor) || insideAny(precedents, v.hit)) continue;
    if ((v.sent === 0 && !insideAny(named, v.hit)) || (!bystander[v.sent] && (restrictIn[v.sent] as number) > 0)) targets.set(v.vendor, v);
  }
  // Vendors listed together with a targeted one ("equipment from Huawei and ZTE") are targets too.
  const listedWith = new Set<number>();
  for (let i = 0; i < n; i++) {
    const v = vendorHits[i] as VendorHit;
    if (v.sent > 0 && targets.has(v.vendor)) listedWith.add(v.sent);
  }
  for (let i = 0; i < n; i++) {
    const v = vendorHits[i] as VendorHit;
    if (!targets.has(v.vendor) && !insideAny(precedents, v.hit) && listedWith.has(v.sent) && !bystander[v.sent]) targets.set(v.vendor, v);
  }
  if (targets.size === 0) {
    // Failing a target, a vendor the text itself casts as a bystander somewhere (the store told to pull
    // another app: "ordered Apple to remove WhatsApp from the App Store") stays one in its other sentences.
    const cast = new Set<string>();
    for (let i = 0; i < n; i++) {
      const v = vendorHits[i] as VendorHit;
      if (insideAny(named, v.hit)) cast.add(v.vendor);
    }
    for (let i = 0; i < n; i++) {
      const v = vendorHits[i] as VendorHit;
      if (!bystander[v.sent] && !targets.has(v.vendor) && !cast.has(v.vendor) && !insideAny(precedents, v.hit)) targets.set(v.vendor, v);
    }
  }
  return targets;
}

/** The relevance, measure and stage votes of the cue hits. */
interface CueVotes {
  restrictScore: number;
  restrictHit: Hit | null;
  restrictCount: number;
  actor: number;
  noise: number;
  noiseHits: Hit[];
  measureMax: number;
  measureScores: Map<Measure, number>;
  measureBest: Map<Measure, Hit>;
  officialScope: boolean;
  officialInTitle: boolean;
  marketScope: boolean;
  proposedInTitle: boolean;
  /** The measures the headline itself names. */
  titleMeasures: Set<Measure>;
  /** The export_control weight of cues naming only the goods (`goods`), and whether the headline names exports otherwise. */
  goodsExport: number;
  titleExportBesidesGoods: boolean;
  /** The measure weight of cues that name a list or sanctions only generically (`generic`: "blacklist", "sanctions"). */
  genericVotes: Map<Measure, number>;
  /** A cue names phones or handsets (`handset`). */
  handset: boolean;
  /** The measure weight of cues that name the deciding agency, not the instrument (`agency`: "Commerce Department"). */
  agencyVotes: Map<Measure, number>;
  /** The headline names a market regulator (`marketReach`: the FCC, Roskomnadzor…). */
  marketRegulator: Hit | null;
  stageVotes: StageVote[];
  quelled: Set<string>;
}

/** The readings a market regulator's own measure is not (cue.marketReach, measureVote). */
const REGULATED_MARKET: ReadonlySet<Measure> = new Set<Measure>(['procurement_exclusion', 'device_ban', 'export_control', 'sanctions', 'security_warning']);

/** How far (characters) a restriction may follow the body that decides it (cue.ownReach). */
const OWN_REACH_SPAN = 40;

/** A break between a headline's clauses: a semicolon or an ellipsis (not a colon or a dash, which also introduce a quote or an outlet). */
const TITLE_CLAUSE_BREAK = /[;；…⋯]|\.\.\./;
/** The key under which noise after a headline's clause break counts, once. */
const AFTER_BREAK = '#after-break';

function cueVotes(
  hits: Hit[], hitSent: Int32Array, targetSents: Set<number>, targetHomes: Set<string>, titleVerb: number,
  titleBreak: number, verbFinal: boolean, tuning: Tuning, fired: Set<string>,
): CueVotes {
  const tf = tuning.titleFactor;
  let restrictScore = 0;
  let restrictHit: Hit | null = null;
  let restrictCount = 0;
  let actor = 0;
  const noiseById = new Map<string, number>();
  const noiseHits: Hit[] = [];
  let measureMax = 0;
  const measureScores = new Map<Measure, number>();
  const measureBest = new Map<Measure, Hit>();
  const stageScores = new Map<Stage, number>();
  const stageBest = new Map<Stage, Hit>();
  const measureBestW = new Map<Measure, number>();
  let officialScope = false;
  let officialInTitle = false;
  let marketScope = false;
  let proposedInTitle = false;
  const titleMeasures = new Set<Measure>();
  let goodsExport = 0;
  let titleExportBesidesGoods = false;
  const genericVotes = new Map<Measure, number>();
  const agencyVotes = new Map<Measure, number>();
  let handset = false;
  let marketRegulator: Hit | null = null;
  const stageBestW = new Map<Stage, number>();
  const stageVotes: StageVote[] = [];
  // Bodies whose bans reach only what they run (cue.ownReach), and where restrictions start.
  const reachHits: number[] = [];
  const restrictAt: number[] = [];
  // Product nouns' measure votes (cue.product) and the sentences a market cue (sale, import…) names.
  const productVotes: Array<[number, Measure, number]> = [];
  const marketSents = new Set<number>();

  const quelled = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    const quells = (hits[i] as Hit).cue.quells;
    if (quells) for (let j = 0; j < quells.length; j++) quelled.add(quells[j] as string);
  }
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    const cue = h.cue;
    if (cue.noise && quelled.has(cue.id)) continue;
    // Noise that is a reaction only from the targeted vendors' home country.
    if (cue.noise && cue.homeOf && !targetHomes.has(cue.homeOf)) continue;
    const s = hitSent[i] as number;
    const inTitle = s === 0;
    const near = inTitle || targetSents.has(s) ? 1 : 0.7;
    if (cue.ownReach && (inTitle || targetSents.has(s))) reachHits.push(i);
    if (cue.marketReach && inTitle && !marketRegulator) marketRegulator = h;
    if (cue.restrict) {
      restrictAt.push(i);
      const w = cue.restrict * (inTitle ? tf : near);
      restrictCount++;
      if (w > restrictScore) {
        restrictScore = w;
        restrictHit = h;
      }
      fired.add(cue.id);
    }
    if (cue.actor) {
      actor += cue.actor;
      fired.add(cue.id);
    }
    if (cue.noise) {
      // Noise in the headline says what the story is about; in the body it is often background.
      const trailing = h.start > titleVerb && !verbFinal;
      // Answer noise (cue.answer: rules data) in a headline clause after the one reporting the measure weighs as the lead's at
      // most, and the clause counts once, at its strongest cue: it tells one answer ("TikTok vows to sue").
      const afterBreak = inTitle && h.start > titleBreak && cue.answer === true;
      const w = afterBreak
        ? cue.noise * Math.min(cue.bodyFactor ?? tuning.bodyNoiseFactor, tuning.bodyNoiseFactor)
        : cue.noise * (inTitle ? (trailing ? tf * tuning.trailingTitleNoiseFactor : tf) : (cue.bodyFactor ?? tuning.bodyNoiseFactor));
      const key = afterBreak ? AFTER_BREAK : cue.id;
      // One concept counts once, at its strongest mention: repeating "arrest" is not more evidence.
      if (w > (noiseById.get(key) ?? 0)) noiseById.set(key, w);
      noiseHits.push(h);
      fired.add(cue.id);
    }
    if (cue.measure) {
      const w = (cue.mw ?? 1) * (inTitle ? tf : near);
      add(measureScores, cue.measure, w);
      if (inTitle) titleMeasures.add(cue.measure);
      if (cue.measure === 'export_control') {
        if (cue.goods) goodsExport += w;
        else if (inTitle) titleExportBesidesGoods = true;
      }
      if (cue.generic) add(genericVotes, cue.measure, w);
      if (cue.agency) add(agencyVotes, cue.measure, w);
      if (cue.handset) handset = true;
      if (w > (measureBestW.get(cue.measure) ?? 0)) {
        measureBestW.set(cue.measure, w);
        measureBest.set(cue.measure, h);
      }
      measureMax = Math.max(measureMax, cue.mw ?? 1);
      if (cue.measure === 'device_ban' && !cue.scopeless) {
        officialScope = true;
        if (inTitle) officialInTitle = true;
      }
      if (cue.measure === 'market_ban' && !cue.scopeless) {
        if ((cue.mw ?? 1) >= 2) marketScope = true;
        marketSents.add(s);
      }
      if (cue.product) productVotes.push([s, cue.measure, w]);
      fired.add(cue.id);
    }
    if (cue.stage) {
      if (inTitle && cue.stage === 'proposed') proposedInTitle = true;
      const w = (cue.sw ?? 1) * (inTitle ? tf : 1);
      add(stageScores, cue.stage, w);
      stageVotes.push({ hit: h, stage: cue.stage, w, inTitle });
      if (w > (stageBestW.get(cue.stage) ?? 0)) {
        stageBestW.set(cue.stage, w);
        stageBest.set(cue.stage, h);
      }
      fired.add(cue.id);
    }
  }
  // Background noise ("despite the ban") gives way to a rejection: declining to act despite others'
  // bans is a step of its own.
  if ((stageScores.get('rejected') ?? 0) > 0) {
    for (let i = 0; i < noiseHits.length; i++) {
      const cue = (noiseHits[i] as Hit).cue;
      if (cue.background) noiseById.delete(cue.id);
    }
  }
  // A body that decides the ban ("Interior ministry weighs TikTok ban", "国防部禁止官兵使用…") bans
  // it where it rules: its own staff, devices and premises. Its name just before a restriction in
  // the same sentence is an official scope (not an instrument vote: a list or an export control it
  // names stays what it is). A market regulator (a communications ministry, a data-protection
  // authority) is no such body and has no ownReach cue.
  for (const b of reachHits) {
    const bh = hits[b] as Hit;
    const s = hitSent[b] as number;
    if (officialScope && (s !== 0 || officialInTitle)) continue;
    for (const r of restrictAt) {
      const rh = hits[r] as Hit;
      if (hitSent[r] !== s || rh.start < bh.end || rh.start - bh.end > OWN_REACH_SPAN) continue;
      officialScope = true;
      if (s === 0) officialInTitle = true;
      fired.add('scope.own-reach');
      break;
    }
  }
  // A product noun ("equipment") in a sentence whose market-scope cue says what is done to it ("bans the
  // sale and import of Huawei equipment") names the goods kept off the market, not networks.
  for (const [ps, m, w] of productVotes) {
    if (!marketSents.has(ps)) continue;
    const left = (measureScores.get(m) ?? 0) - w;
    if (left > 1e-9) measureScores.set(m, left);
    else {
      measureScores.delete(m);
      measureBest.delete(m);
      titleMeasures.delete(m);
    }
    fired.add('scope.product-on-market');
  }
  let noise = 0;
  for (const w of noiseById.values()) noise += w;
  // Lifting or declining a ban is about a restriction even without a "ban" word ("allows Huawei in 5G").
  const liftedOrRejected = Math.max(stageScores.get('lifted') ?? 0, stageScores.get('rejected') ?? 0);
  if (liftedOrRejected >= 3 && restrictScore < Math.min(3, liftedOrRejected * 0.6)) {
    restrictScore = Math.min(3, liftedOrRejected * 0.6);
    restrictHit = stageBest.get((stageScores.get('lifted') ?? 0) >= (stageScores.get('rejected') ?? 0) ? 'lifted' : 'rejected') ?? null;
  }
  return {
    restrictScore, restrictHit, restrictCount, actor, noise, noiseHits, measureMax, measureScores, measureBest,
    officialScope, officialInTitle, marketScope, proposedInTitle, titleMeasures, goodsExport, titleExportBesidesGoods,
    genericVotes, agencyVotes, handset, marketRegulator, stageVotes, quelled,
  };
}

/**
 * A headline that asks ("Will the US ban TikTok?", "¿Prohibirá España TikTok?") speculates or
 * explains; it does not report a measure.
 * …but not "The EU institutions ban TikTok. And Italy?" (a report, then a question) nor "Why did
 * Taiwan ban DeepSeek?" (a why-question presupposes the measure: lexicon cues quell this noise).
 * titleText is the headline as the rules read it (normalised): hit offsets refer to it.
 */
function asksInHeadline(hits: Hit[], titleText: string, titleEnd: number): boolean {
  const questions = questionSpans(titleText);
  if (!questions.length) return false;
  // The headline's restriction words: asked about only when every one of them is inside a question.
  let titleRestricts = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (!(h.cue.restrict && h.start < titleEnd)) continue;
    titleRestricts++;
    let inQuestion = false;
    for (let j = 0; j < questions.length; j++) {
      const q = questions[j] as [number, number];
      if (h.start >= q[0] && h.end <= q[1]) {
        inQuestion = true;
        break;
      }
    }
    if (!inQuestion) return false;
  }
  if (titleRestricts > 0) return true;
  const end = titleText.trimEnd().length;
  for (let j = 0; j < questions.length; j++) if ((questions[j] as [number, number])[1] >= end) return true;
  return false;
}

/** The country votes of the cue hits. */
interface CountryVotes {
  scores: Map<string, number>;
  best: Map<string, Hit>;
  /** Countries as the subject of the headline. */
  subjects: Set<string>;
  /** The strongest country-cue weight of a strong (agency-like) reference, 0 when none. */
  strong: number;
  /** Countries with at least one mention that is not only the targeted vendors' origin. */
  acting: Set<string>;
  /** Countries every mention of which a context word qualifies as not acting (destinations, precedents). */
  qualifiedOnly: Set<string>;
}

/** Verb-final headlines: countries joined to the first one ("호주·뉴질랜드도 … 금지", "オーストラリアやニュージーランドで…禁止", "日米、…") share its subject slot. */
function subjectStartsOf(hits: Hit[], titleEnd: number, text: string, verbFinal: boolean): Set<number> {
  let firstTitleCountry = Infinity;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if ((h.cue.country || h.cue.countryMap) && h.start < titleEnd && h.start < firstTitleCountry) firstTitleCountry = h.start;
  }
  const subjectStarts = new Set<number>([firstTitleCountry]);
  if (verbFinal) {
    const titleCountries: Hit[] = [];
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i] as Hit;
      if ((h.cue.country || h.cue.countryMap) && h.start < titleEnd) titleCountries.push(h);
    }
    // Sorted by start (a stable sort), the first is the first title country.
    titleCountries.sort((a, b) => a.start - b.start);
    let prev = titleCountries[0];
    for (let i = 1; i < titleCountries.length; i++) {
      const h = titleCountries[i] as Hit;
      if (!prev || h.start <= prev.start) continue;
      if (h.start < prev.end || !COUNTRY_JOINER.test(text.slice(prev.end, h.start))) break;
      subjectStarts.add(h.start);
      prev = h;
    }
  }
  return subjectStarts;
}

/** What may stand between a country's name and an institution it owns: nothing, or a possessive. */
const OWNER_GAP = /^(?:['’]s)?[ \u00a0]$/;

/**
 * Country mentions that are another country's institution: a name or demonym of one country right
 * before a mention that would name another ("Australian Defense Department", "Australia's Defence
 * Department", "Lithuania's National Cyber Security Centre"), or around it. Institutions share names
 * across countries; the owner written before one says whose it is, and the same name elsewhere in
 * the item (the headline's bare "National Cyber Security Centre") is that owner's too.
 * `inPlace`: the mentions with their owner at hand (the owner's own mention votes for them);
 * `elsewhere`: the same names elsewhere, with the owner they vote for.
 */
function ownedInstitutions(c: CompiledRules, hits: Hit[], text: string): { inPlace: Set<Hit>; elsewhere: Map<Hit, string> } {
  const inPlace = new Set<Hit>();
  const elsewhere = new Map<Hit, string>();
  const byName = new Map<string, string>();
  const countries: Hit[] = [];
  for (let i = 0; i < hits.length; i++) if ((hits[i] as Hit).cue.country || (hits[i] as Hit).cue.countryMap) countries.push(hits[i] as Hit);
  if (countries.length < 2) return { inPlace, elsewhere };
  const codes = countries.map((h) => h.cue.country ?? resolveCountry(c, h));
  for (let i = 0; i < countries.length; i++) {
    const h = countries[i] as Hit;
    const mine = codes[i];
    for (let j = 0; j < countries.length; j++) {
      const o = countries[j] as Hit;
      if (o === h) continue;
      // Before it, with nothing or a possessive between; or around it ("Australian [Defense Department]").
      const around = o.start < h.start && o.end >= h.end;
      if (!around && (o.end > h.start || h.start - o.end > 3 || !OWNER_GAP.test(text.slice(o.end, h.start)))) continue;
      const owner = codes[j];
      if (mine && owner && mine !== owner) {
        inPlace.add(h);
        if (!around) byName.set(h.text.toLowerCase(), owner);
      }
    }
  }
  if (byName.size === 0) return { inPlace, elsewhere };
  for (let i = 0; i < countries.length; i++) {
    const h = countries[i] as Hit;
    if (inPlace.has(h)) continue;
    const owner = byName.get(h.text.toLowerCase());
    if (owner) elsewhere.set(h, owner);
  }
  return { inPlace, elsewhere };
}

function countryVotes(
  c: CompiledRules, hits: Hit[], hitSent: Int32Array, vHits: Hit[], origins: Set<string>, titleEnd: number,
  titleVerb: number, text: string, verbFinal: boolean, feedCountry: string | null, outlet: string | null, tuning: Tuning, fired: Set<string>,
): CountryVotes {
  const nonActing: Hit[] = [];
  for (let i = 0; i < hits.length; i++) if ((hits[i] as Hit).cue.nonActing) nonActing.push(hits[i] as Hit);
  const countryScores = new Map<string, number>();
  const countryBest = new Map<string, Hit>();
  const countryBestW = new Map<string, number>();
  const subjects = new Set<string>();
  const subjectStarts = subjectStartsOf(hits, titleEnd, text, verbFinal);
  const contexts = contextsOfCountries(hits, nonActing, text);
  const owned = ownedInstitutions(c, hits, text);
  let strongCountry = 0;
  const acting = new Set<string>();
  const unqualified = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    let code = h.cue.country ?? (h.cue.countryMap ? resolveCountry(c, h) : undefined);
    if (!code) continue;
    // "China" inside "China Mobile" is part of a vendor's name, not a country reference.
    if (insideAny(vHits, h)) continue;
    // An institution name several countries use is the outlet's own country's, when it is one of them.
    if (outlet && h.cue.sharedBy?.includes(outlet)) {
      code = outlet;
      fired.add(`country.shared-institution.${outlet}`);
    }
    // "Australian Defense Department": the institution is the named country's, not the metonym's.
    // The mention with its owner written before it is left to the owner's own mention; the same
    // name elsewhere votes for the owner.
    if (owned.inPlace.has(h)) {
      fired.add('country.owned-institution');
      continue;
    }
    const owner = owned.elsewhere.get(h);
    if (owner !== undefined) {
      fired.add('country.owned-institution');
      code = owner;
    }
    const s = hitSent[i] as number;
    let w = h.cue.cw ?? 2;
    const strong = w >= 2.5;
    // The vendor's own country named in passing ("China's ZTE", "중국산") is not the actor.
    let originOnly = origins.has(code) && !strong;
    // A demonym before a product noun and the vendor names its origin, however strong the lexicon
    // reads it ("Российский антивирус «Касперского» запретят продавать в США").
    const apposed = origins.has(code) && demonymOfVendor(vHits, h, text, originNounRe(c.rules.tuning));
    if (apposed) {
      originOnly = true;
      fired.add('country.origin-apposition');
    }
    if (s === 0) {
      w += 1.5;
      // The subject of the headline acts even when it is the vendor's home country ("US restricts
      // Nvidia chip exports"); elsewhere the home country is usually just the vendor's origin.
      // …unless it is glued to the vendor's name as its origin ("China's ZTE", "中国の華為").
      const marksOrigin = originOnly && (apposed || marksOriginOf(vHits, h, text));
      // Verb-final headlines put subject and object before the verb: only the first country can be the subject.
      const subjectSlot = !verbFinal || subjectStarts.has(h.start);
      if (h.start < titleVerb && subjectSlot && (h.cue.cw ?? 2) >= 2 && !marksOrigin && !contexts.has(h)) {
        originOnly = false;
        w += 3;
        subjects.add(code);
      }
    } else if (s === 1) w += 0.5;
    const qualified = contexts.get(h);
    if (qualified) {
      for (let j = 0; j < qualified.length; j++) {
        w *= 0.25;
        subjects.delete(code);
        fired.add((qualified[j] as Hit).cue.id);
        // "Russia-based apps": where the products come from, an origin like the vendor's home.
        if ((qualified[j] as Hit).cue.originWord) originOnly = true;
      }
    }
    if (originOnly) w *= 0.3;
    else acting.add(code);
    if (!qualified) unqualified.add(code);
    if (strong) strongCountry = Math.max(strongCountry, h.cue.cw ?? 0);
    // Repeated mentions add a little; the best one counts fully.
    const prev = countryBestW.get(code) ?? 0;
    if (w > prev) {
      countryBestW.set(code, w);
      countryBest.set(code, h);
      add(countryScores, code, w - prev + prev * 0.25);
    } else add(countryScores, code, w * 0.25);
  }
  if (feedCountry) {
    add(countryScores, feedCountry, tuning.feedCountryWeight);
    acting.add(feedCountry);
    unqualified.add(feedCountry);
  }
  // A country every mention of which a context word qualifies as not acting ("sell chips to China",
  // "nach China liefern", "vendre à la Chine", "after the US"): a destination or a precedent.
  const qualifiedOnly = new Set<string>();
  for (const code of countryScores.keys()) if (!unqualified.has(code)) qualifiedOnly.add(code);
  return { scores: countryScores, best: countryBest, subjects, strong: strongCountry, acting, qualifiedOnly };
}

/** What follows the place of a dateline that opens the lead: an agency, then a dash or a comma. */
const DATELINE_AFTER = /^\s*(?:\([^)]{0,30}\)\s*)?[-\u2013\u2014,:]/u;

/**
 * A measure the lead reports only for another state than the headline's: the headline names no
 * restriction (no restriction cue, no lifting or rejection) but names an acting state, and every
 * restriction cue of the lead sits in a clause whose decider — the nearest country named before the
 * cue in its sentence, else the nearest after it — is a state the headline does not name ("Swiss army
 * tests controversial drones from China" over "The US has classified DJI products as a national
 * security risk"; "Bundesregierung erlaubt der Bundeswehr … Drohnen" over "im Gegensatz zu den USA,
 * die … untersagt haben"). The lead explains the headline's story with someone else's measure: that
 * is background, not the news. A lead restriction with no country in its sentence may be the
 * headline state's own, so it keeps the item as it was; so does any clause the headline's state decides.
 */
function leadMeasureElsewhere(c: CompiledRules, hits: Hit[], hitSent: Int32Array, vHits: Hit[], origins: Set<string>, titleEnd: number, text: string): boolean {
  let leadMeasures = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.start >= titleEnd) {
      if (h.cue.restrict) leadMeasures++;
    } else if (h.cue.restrict || h.cue.stage === 'lifted' || h.cue.stage === 'rejected') return false;
  }
  if (leadMeasures === 0) return false;
  const nonActing: Hit[] = [];
  for (let i = 0; i < hits.length; i++) if ((hits[i] as Hit).cue.nonActing) nonActing.push(hits[i] as Hit);
  const contexts = contextsOfCountries(hits, nonActing, text);
  // Country mentions, less the vendors' home (an origin, not a decider) and names inside a vendor's.
  const codes = new Map<Hit, string>();
  const headline = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (!(h.cue.country || h.cue.countryMap) || insideAny(vHits, h)) continue;
    const code = h.cue.country ?? resolveCountry(c, h);
    if (!code || origins.has(code)) continue;
    // A dateline says where the story was filed ("Nairobi — … restricted in Ethiopia").
    if (h.start >= titleEnd && h.start <= titleEnd + 2 && DATELINE_AFTER.test(text.slice(h.end, h.end + 40))) continue;
    codes.set(h, code);
    // A headline state named as a precedent, a destination or an origin ("Drohnen aus China") is not its subject.
    if (h.start < titleEnd && !contexts.has(h)) headline.add(code);
  }
  if (headline.size === 0) return false;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.start < titleEnd || !h.cue.restrict) continue;
    const s = hitSent[i] as number;
    let before: Hit | undefined;
    let after: Hit | undefined;
    for (let j = 0; j < hits.length; j++) {
      const o = hits[j] as Hit;
      if (hitSent[j] !== s || !codes.has(o)) continue;
      if (o.end <= h.start) {
        if (!before || o.start > before.start) before = o;
      } else if (o.start >= h.end && (!after || o.start < after.start)) after = o;
    }
    const decider = before ?? after;
    if (!decider || headline.has(codes.get(decider) as string)) return false;
  }
  return true;
}

/** The not-relevant result: the noise that argued against relevance, as evidence and rules. */
function notRelevantResult(
  src: Source, sents: Sentence[], titleEnd: number, cjk: boolean, fired: Set<string>, votes: CueVotes,
  vendorHits: VendorHit[], score: number, tuning: Tuning,
): Classification {
  const evidence: string[] = [];
  const noiseHits = votes.noiseHits;
  // The noise that argued against relevance: cue hits, and the decision's own rules (noise.*).
  const rules = ['not-relevant'];
  for (const id of fired) {
    let isNoise = id.startsWith('noise.');
    for (let i = 0; !isNoise && i < noiseHits.length; i++) if ((noiseHits[i] as Hit).cue.id === id) isNoise = true;
    if (isNoise) rules.push(id);
  }
  for (let i = 0; i < noiseHits.length && i < 3; i++) {
    const h = noiseHits[i] as Hit;
    evidence.push(snippet(src, sentAt(sents, titleEnd, h), h, cjk));
  }
  const restrictHit = votes.restrictHit;
  if (!evidence.length && restrictHit) evidence.push(snippet(src, sentAt(sents, titleEnd, restrictHit), restrictHit, cjk));
  if (!evidence.length) {
    const v = vendorHits[0] as VendorHit;
    evidence.push(snippet(src, sentAt(sents, titleEnd, v.hit), v.hit, cjk));
  }
  const margin = tuning.relevanceThreshold - score;
  const conf = votes.restrictScore === 0 ? 0.9 : sigmoid(margin / 1.5);
  return {
    relevant: false, countries: [], vendors: [], measure: null, stage: null,
    confidence: round2(Math.min(0.97, Math.max(0.5, conf))), evidence: dedupe(evidence), rules,
  };
}

/** The sentence a hit is in. */
function sentAt(sents: Sentence[], titleEnd: number, h: Hit): Sentence {
  return sents[sentenceAt(sents, titleEnd, h.start)] as Sentence;
}

interface UsualMeasure {
  /** The measure this vendor usually meets from the acting state (vendor-meta measureBy), if it has one. */
  by: Measure | undefined;
  /** That, else the vendor's default measure. */
  measure: Measure | undefined;
}

/** A targeted vendor's usual measure, given who acts: measureBy unless the text says otherwise (measureByUnless), else defaultMeasure. */
function usualMeasure(c: CompiledRules, vendor: string, acting: string | null, text: string): UsualMeasure {
  const meta = c.rules.vendorMeta[vendor];
  const by = acting && !measureByUnless(c, vendor)?.test(text) ? meta?.measureBy?.[acting] : undefined;
  return { by, measure: by ?? meta?.defaultMeasure };
}

/** The measure vote, after the vendors' priors and the scope corrections. */
function measureVote(c: CompiledRules, targets: Map<string, VendorHit>, votes: CueVotes, acting: string | null, text: string, tuning: Tuning, fired: Set<string>): Vote<Measure> {
  const measureScores = votes.measureScores;
  const measureBest = votes.measureBest;
  // One prior per usual measure, however many vendors share it: "Hikvision and Dahua cameras in
  // ministries" must not get twice the procurement prior against one device cue. The usual measure
  // can depend on who acts (vendor-meta measureBy): the US restricts Huawei and ZTE by export
  // controls (entity list, denial order) where other states keep them out of their networks, and
  // China keeps Nvidia's chips out of its market where the US controls their export. A headline
  // without an instrument word ("US lifts ZTE ban", "美商务部宣布解禁中兴") is read that way.
  // Goods words ("chips", 半导体) name what crosses the border, not which way: for a state acting
  // against foreign vendors whose usual measure there is not an export control (China and Nvidia),
  // they are its imports ("China bans foreign AI chips in state-funded data centres"), not exports.
  // (Domestic firms named beside them, "tells ByteDance and Alibaba to stop buying Nvidia chips",
  // are the buyers; a target whose usual measure is an export control keeps the reading.)
  const usualOf = new Map([...targets.keys()].map((v) => [v, usualMeasure(c, v, acting, text)] as const));
  const keys = [...targets.keys()];
  if (votes.goodsExport > 0 && acting && keys.every((v) => (usualOf.get(v) as UsualMeasure).measure !== 'export_control') &&
    keys.some((v) => { const o = c.rules.vendorMeta[v]?.origin; return o !== undefined && o !== acting; })) {
    const left = (measureScores.get('export_control') ?? 0) - votes.goodsExport;
    if (left > 1e-9) measureScores.set('export_control', left);
    else {
      measureScores.delete('export_control');
      measureBest.delete('export_control');
    }
    if (!votes.titleExportBesidesGoods) votes.titleMeasures.delete('export_control');
    fired.add('scope.imported-goods');
  }
  // A state whose usual instrument against every target is its own market (vendor-meta measureBy:
  // China and Nvidia's chips) imports their goods: export wording in the text is the exporting
  // state's ("despite the US export approval", "트럼프 수출 허가에도", "尽管美国批准出口"), background
  // to the importer's own measure, whatever the noun (goods or not).
  const importer = acting !== null && keys.length > 0 && keys.every((v) => {
    const o = c.rules.vendorMeta[v]?.origin;
    return (usualOf.get(v) as UsualMeasure).by === 'market_ban' && o !== undefined && o !== null && o !== acting;
  });
  if (importer && measureScores.has('export_control')) {
    measureScores.delete('export_control');
    measureBest.delete('export_control');
    votes.titleMeasures.delete('export_control');
    fired.add('scope.importer-export-background');
  }
  // A list named only as a list ("blacklist", "lista negra", "military companies list") or a bare
  // "sanctions" is the entity list, the investment ban or the Pentagon's 1260H list depending on who
  // lists whom; articles rarely say which. When the acting state has a usual instrument against the
  // targets (vendor-meta measureBy: the US lists Xiaomi for its investment ban, Huawei and ZTE on the
  // entity list) — else when every target's usual measure is one such list instrument ("US weighs
  // sanctions on SMIC": its export controls) — the generic word is that instrument, unless a specific
  // cue names the generic word's own measure too ("sanctions … assets frozen").
  const byAll = new Set([...usualOf.values()].map((u) => u.by));
  const usualAll = new Set([...usualOf.values()].map((u) => u.measure));
  const only = (set: Set<Measure | undefined>): Measure | undefined => (set.size === 1 ? [...set][0] : undefined);
  const listInstrument = only(byAll) ?? (LIST_INSTRUMENTS.has(only(usualAll) as Measure) ? only(usualAll) : undefined);
  if (listInstrument && votes.genericVotes.size > 0) {
    for (const [m, w] of votes.genericVotes) {
      // A specific cue for the same measure ("assets frozen", "investment ban") says which one it is.
      if (m === listInstrument || (measureScores.get(m) ?? 0) - w > 1e-9) continue;
      measureScores.delete(m);
      measureBest.delete(m);
      add(measureScores, listInstrument, w);
      fired.add('scope.generic-by-usual');
    }
  }
  // An agency named as the decider ("Commerce Department") says who acts, not how: for targets whose
  // usual measure is their market (apps, consumer software: "judge blocks Commerce Department TikTok
  // order"), its vote is the market's, unless a specific cue names the agency's own measure too.
  if (votes.agencyVotes.size > 0 && only(usualAll) === 'market_ban') {
    for (const [m, w] of votes.agencyVotes) {
      if (m === 'market_ban' || (measureScores.get(m) ?? 0) - w > 1e-9) continue;
      measureScores.delete(m);
      measureBest.delete(m);
      votes.titleMeasures.delete(m);
      add(measureScores, 'market_ban', w);
      fired.add('scope.agency-by-usual');
    }
  }
  const priors = new Set<Measure>();
  const byActing = new Set<Measure>();
  let networkPrior = 0;
  for (const { by, measure: d } of usualOf.values()) {
    if (by) {
      fired.add(`prior.measure-by.${acting}`);
      byActing.add(by);
    }
    if (d) priors.add(d);
  }
  // A network-equipment maker's usual measure (network exclusion) does not outvote another instrument
  // the headline itself names: "Huawei and ZTE excluded from government procurement", "put on the
  // trade blacklist", "equipment sales banned" are about procurement, exports or the market, and the
  // maker's networks are background there. Other usual measures keep their prior ("US weighs
  // sanctions on SMIC" stays an export control: the blacklist is what "sanctions" means for SMIC).
  for (const d of priors) {
    if (d === 'network_exclusion' && votes.titleMeasures.size > 0 && !votes.titleMeasures.has(d)) {
      fired.add('scope.headline-instrument');
      continue;
    }
    // The acting state's usual instrument knows more than an ambiguous list or product word ("US
    // removes Xiaomi from blacklist" is its investment ban; "China blocks Nvidia's chips" its market).
    const w = tuning.vendorMeasurePrior * (byActing.has(d) ? (tuning.actingMeasurePriorFactor ?? 1) : 1);
    add(measureScores, d, w);
    if (d === 'network_exclusion') networkPrior = w;
  }
  // Network exclusion keeps equipment out of networks, and the labelled real news has it only for
  // network-equipment vendors (every one's usual measure is network exclusion). With no such target,
  // a network cue reads the targets' own usual measure: operators blocking an app or a service
  // ("orders carriers to block Telegram") is a market ban; soldiers told to stop using drones over
  // "network vulnerabilities" is a device ban.
  const usual = targets.size > 0 && measureScores.has('network_exclusion') ? sharedUsualMeasure(c, targets) : null;
  if (usual && usual !== 'network_exclusion') {
    add(measureScores, usual, measureScores.get('network_exclusion') as number);
    measureScores.delete('network_exclusion');
    const h = measureBest.get('network_exclusion');
    if (h && !measureBest.has(usual)) measureBest.set(usual, h);
    fired.add(usual === 'market_ban' ? 'scope.service-not-equipment' : 'scope.not-network-equipment');
  }
  // device_ban means official devices, systems, staff or public bodies (LABELS.md). A ban of a product
  // or app whose scope is the whole market (no official-scope cue: "bans DJI drones", "orders Temu
  // blocked nationwide") is a market ban, whatever the vendor's usual measure or the product word says.
  if (!votes.officialScope && measureScores.has('device_ban')) {
    const top = vote(measureScores, measureBest);
    if (top.key === 'device_ban') {
      const dev = measureScores.get('device_ban') as number;
      measureScores.delete('device_ban');
      if (!measureScores.has('market_ban')) measureScores.set('market_ban', dev);
      fired.add('scope.not-official');
    }
  }
  // …and the other way round: a headline that names an official scope ("in public schools", "on
  // government phones") is a device ban unless a market-scope cue (sale, import, nationwide, app
  // stores, consumers) says otherwise; an app word or the vendor's usual measure is not enough.
  if (votes.officialInTitle && !votes.marketScope) {
    const top = vote(measureScores, measureBest);
    if (top.key === 'market_ban') {
      measureScores.set('device_ban', top.top + 0.01);
      fired.add('scope.official');
    }
  }
  // Network-equipment makers (every target's usual measure is network exclusion) kept out of public
  // bodies ("Japan bans Huawei and ZTE from government agencies", "美, 정부기관에 화웨이 제품 금지령")
  // are kept out of what those bodies buy: a procurement exclusion, not a device ban — unless the
  // text names their phones ("staff told to stop using Huawei phones" stays a device ban). Cameras
  // taken out of government buildings stay a device ban (fixtures/eval, the dev set).
  if (!votes.handset && sharedUsualMeasure(c, targets) === 'network_exclusion') {
    const top = vote(measureScores, measureBest);
    // Their network prior alone (no network cue: no 5G, operators, networks) does not outvote an
    // official scope either: "政府、省庁のファーウェイ製品を排除へ", "Japan to ban Huawei gear from
    // government offices" keep the gear out of public bodies, not out of networks.
    const networkByPrior = top.key === 'network_exclusion' && top.top - networkPrior < 1e-9 && votes.officialScope;
    if (top.key === 'device_ban' || networkByPrior) {
      measureScores.set('procurement_exclusion', top.top + 0.01);
      fired.add(networkByPrior ? 'scope.equipment-procured-not-network' : 'scope.equipment-procured');
    }
  }
  // A market regulator named in the headline (cue.marketReach: the FCC, Roskomnadzor, Kominfo…) keeps
  // products off its market: what it bans, lists or finds a risk ("FCC expands ban on Hikvision",
  // "FCC: Quectel should be listed", "FCC chair says Quectel may pose risks") loses its equipment
  // authorisation, its licence or its app-store place — a market ban, not a procurement exclusion, a
  // device ban, an export control, a sanction or an advice, whatever the vendor's usual measure says.
  // Network exclusion (rip-and-replace, the subsidy programmes) and other restrictions (a threat
  // designation) stay.
  if (votes.marketRegulator) {
    const top = vote(measureScores, measureBest);
    if (top.key && REGULATED_MARKET.has(top.key)) {
      measureScores.set('market_ban', top.top + 0.01);
      if (!measureBest.has('market_ban')) measureBest.set('market_ban', votes.marketRegulator);
      fired.add('scope.market-regulator');
    }
  }
  return vote(measureScores, measureBest);
}

/** The usual measure every target shares (vendor-meta.json), or null when they differ or one has none. */
function sharedUsualMeasure(c: CompiledRules, targets: Map<string, VendorHit>): Measure | null {
  let shared: Measure | null = null;
  for (const v of targets.keys()) {
    const d = c.rules.vendorMeta[v]?.defaultMeasure;
    if (!d || (shared && d !== shared)) return null;
    shared = d;
  }
  return shared;
}

/**
 * The acting countries: the best-scored one (or the headline's several subjects), else the state
 * that alone uses the measure's instrument, else the outlet's or the language's default.
 */
function decideCountries(cv: Vote<string>, subjects: Set<string>, domainCountry: string | null, lang: string, lex: CompiledLexicon | undefined, actor: number, measure: Measure, tuning: Tuning, fired: Set<string>, bare = false): string[] {
  let countries: string[] = [];
  const byMeasure = tuning.measureActingPrior?.[measure];
  if (cv.key) {
    countries = [cv.key];
    // "US and Canada order…": several subjects of the headline all act.
    if (subjects.size > 1 && subjects.has(cv.key)) countries = [...subjects];
  } else if (byMeasure) {
    // A headline often leaves the acting state to the lead ("DJI is blacklisted", "엔비디아 반도체,
    // 수출통제 대상", "Huaweiに対する「輸出一時許可」が延長"). Where the labelled news has one state
    // behind every measure of a kind (export controls: the entity list, licences, the foreign direct
    // product rule are US instruments in all 240 labelled items), that state acts — not the outlet's.
    countries = [byMeasure];
    fired.add(`prior.acting-by-measure.${byMeasure}`);
  } else {
    const d = domainCountry ?? lex?.lexicon.defaultCountry;
    if (d && (actor > 0 || bare)) {
      countries = [d];
      fired.add(domainCountry ? `${lang}.outlet-country` : `${lang}.default-country`);
    }
  }
  return [...new Set(countries)].sort();
}

export function classifyCompiled(c: CompiledRules, input: ClassifierInput): Classification {
  const tuning = c.rules.tuning;
  // Raw input is capped before HTML stripping too: a multi-megabyte body must not cost time.
  const { headline, outlet } = splitSource(htmlToText(String(input.title ?? '').slice(0, MAX_RAW)));
  const title = truncate(headline, MAX_TITLE);
  // Only the lead decides: sidebars, related-article lists, read-more links and boilerplate are
  // not read, and a summary that only repeats the headline (an aggregator's link) is no lead.
  let lead = leadText(input.summary == null ? '' : String(input.summary).slice(0, MAX_RAW), { title });
  if (lead && repeatsTitle(lead, title, outlet)) lead = '';
  const summary = truncate(lead, MAX_SUMMARY);
  // join() makes one flat string; a template literal makes a cons string, and every rule and
  // tokenizer loop below reads its characters through the indirection.
  const original = summary ? [title, summary].join('\n') : title;
  // Every rule reads the normalised text (format characters out, NFKC, straight quotes).
  const norm = normalizeForMatch(original);
  const text = norm.text;
  const src = sourceOf(original, norm);
  const nl = text.indexOf('\n');
  const titleEnd = nl < 0 ? text.length : nl;
  const fired = new Set<string>();

  // ---- vendors ----
  let vHits: Hit[] = [];
  c.vendors.scan(text, vHits);
  const notBefore = notBeforeOf(c);
  if (notBefore.size) {
    const kept: Hit[] = [];
    for (let i = 0; i < vHits.length; i++) {
      const h = vHits[i] as Hit;
      const re = notBefore.get((h.cue as VendorCue).vendor);
      if (!re || !re.test(text.slice(h.end, h.end + 40))) kept.push(h);
    }
    vHits = kept;
  }
  if (vHits.length === 0) {
    return { relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 0.97, evidence: [], rules: ['no-vendor'] };
  }

  const lang = pickLanguage(c, input, text);
  const lex = c.lexicons.get(lang);
  const cjk = lex?.lexicon.script === 'cjk';
  const verbFinal = !!lex?.lexicon.verbFinal;
  // Restriction cues first: an item that names a vendor but no restriction at all (launches,
  // earnings) is settled without scanning for the other cue families.
  const scanned: Hit[] = [];
  const cues = cueScanner(c, lang);
  cues.scan(text, scanned, 'restrict');
  const masked = maskVendors(text, vHits);
  c.vendorPatterns.scan(masked, scanned, text);
  let anyRestrict = false;
  for (let i = 0; i < scanned.length && !anyRestrict; i++) if ((scanned[i] as Hit).cue.restrict) anyRestrict = true;
  if (!anyRestrict) {
    const v = vHits[0] as Hit;
    const sents0 = sentences(text, titleEnd);
    const rules = ['not-relevant', 'no-restriction-cue'];
    for (let i = 0; i < scanned.length; i++) {
      const cue = (scanned[i] as Hit).cue;
      if (cue.noise) rules.push(cue.id);
    }
    return {
      relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 0.9,
      evidence: [snippet(src, sentAt(sents0, titleEnd, v), v, cjk)],
      rules,
    };
  }
  cues.scan(text, scanned, undefined, 'restrict', false);
  const hits = dropSubsumed(scanned);
  const sents = sentences(text, titleEnd);
  const hitSent = hitSentences(hits, sents, titleEnd);

  const vendorHits: VendorHit[] = [];
  for (let i = 0; i < vHits.length; i++) {
    const h = vHits[i] as Hit;
    vendorHits.push({ vendor: (h.cue as VendorCue).vendor, hit: h, sent: sentenceAt(sents, titleEnd, h.start) });
  }

  // ---- per-sentence cue bookkeeping ----
  const nSent = sents.length;
  const restrictIn = new Float64Array(nSent);
  const bystander = new Uint8Array(nSent);
  let titleVerb = Infinity;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    const s = hitSent[i] as number;
    const cue = h.cue;
    if (cue.restrict) restrictIn[s] = Math.max(restrictIn[s] as number, cue.restrict);
    else if (cue.measure && (cue.mw ?? 1) >= 3) restrictIn[s] = Math.max(restrictIn[s] as number, 0.5);
    if (cue.bystander) bystander[s] = 1;
    if (s === 0 && (cue.restrict || cue.stage) && h.start < titleVerb) titleVerb = h.start;
  }

  // ---- target vendors ----
  const targets = pickTargets(vendorHits, hits, bystander, restrictIn);
  // Every vendor named only as a bystander ("affecting carmakers such as BYD"): the measure is not
  // against a listed vendor.
  if (targets.size === 0) {
    const v = vendorHits[0] as VendorHit;
    return {
      relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 0.75,
      evidence: [snippet(src, sents[v.sent] as Sentence, v.hit, cjk)], rules: ['not-relevant', 'vendors-only-bystanders'],
    };
  }
  const targetSents = new Set<number>();
  for (let i = 0; i < vendorHits.length; i++) {
    const v = vendorHits[i] as VendorHit;
    if (targets.has(v.vendor)) targetSents.add(v.sent);
  }

  // ---- relevance ----
  // Home countries of the targeted vendors, for noise that is a reaction only from that country.
  const origins = homesOf(c, targets);
  // A clause break in the headline after its first restriction or stage cue ("… signs TikTok ban; TikTok
  // vows to sue", "틱톡 금지법에 서명… 틱톡 CEO는 소송전 예고"): noise after it is a second story told
  // beside the measure (the vendor's answer), weighed as the lead's noise is.
  let titleBreak = Infinity;
  if (titleVerb < titleEnd) {
    const m = TITLE_CLAUSE_BREAK.exec(text.slice(titleVerb, titleEnd));
    if (m) titleBreak = titleVerb + m.index;
  }
  const votes = cueVotes(hits, hitSent, targetSents, origins, titleVerb, titleBreak, verbFinal, tuning, fired);
  let noise = votes.noise;
  const { restrictScore, restrictHit } = votes;
  if (!votes.quelled.has('noise.question-headline') && asksInHeadline(hits, text.slice(0, titleEnd), titleEnd)) {
    noise += tuning.questionHeadlineNoise ?? 3;
    fired.add('noise.question-headline');
  }

  // ---- countries ----
  const feedCountry = input.feed?.country ? String(input.feed.country).toUpperCase() : null;
  const govFeed = input.feed?.kind === 'government';
  // The country of the outlet's own domain, when it writes this language (rules/outlet-countries.json).
  // An aggregator's redirect link (news.google.com) names no outlet: its <source url> does.
  const domainCountry = outletCountry(input.link, lang) ?? outletCountry(input.outletSite, lang);
  const cvotes = countryVotes(c, hits, hitSent, vHits, origins, titleEnd, titleVerb, text, verbFinal, feedCountry, domainCountry, tuning, fired);
  const countryScores = cvotes.scores;
  const subjects = cvotes.subjects;

  // The targeted vendor's home country speaking in the headline ("China says Australia made a 'wrong
  // decision'…", "中国商务部称日本…", "China firmly opposes US restrictions on Huawei") reports its
  // reaction to someone else's measure, not a measure (LABELS.md). A plain "says" counts only when
  // the headline names another country too, so "US says Nvidia needs licences" stays a measure.
  const headCountries = titleCountries(c, hits, vHits, titleEnd);
  if (origins.size && originReacts(hits, vHits, headCountries, origins, titleEnd, verbFinal, text)) {
    noise += tuning.originReactionNoise ?? 5;
    fired.add('noise.origin-reaction');
  } else if (commentsOnOthersMeasure(hits, vHits, headCountries, origins, titleEnd, verbFinal, text, lex?.lexicon.defaultCountry)) {
    noise += tuning.thirdCommentNoise ?? 4;
    fired.add('noise.comment-on-other-state');
  }
  if (pressesAnotherState(hits, headCountries, origins, titleEnd, text)) {
    noise += tuning.pressOthersNoise ?? 4;
    fired.add('noise.presses-other-state');
  }
  if (firmChooses(hits, titleEnd, text)) {
    noise += tuning.firmChoiceNoise ?? 4;
    fired.add('noise.firm-choice');
  }

  if (leadMeasureElsewhere(c, hits, hitSent, vHits, origins, titleEnd, text)) {
    noise += tuning.leadElsewhereNoise ?? 3;
    fired.add('noise.lead-measure-elsewhere');
  }

  // A jurisdiction as the subject of the headline ("Lithuania recommends…") is itself a state actor.
  const actor = votes.actor;
  const actorTotal = Math.min(3, actor + (cvotes.strong ? 1 : 0) + (subjects.size > 0 ? 1 : 0));
  const noiseTotal = Math.min(8, noise);
  const score =
    restrictScore +
    Math.min(0.25 * Math.max(0, votes.restrictCount - 1), 1) +
    0.3 * Math.min(votes.measureMax, 4) +
    0.5 * actorTotal +
    (govFeed ? tuning.govFeedBonus : 0) +
    (countryScores.size > 0 ? 0.5 : 0) +
    // A headline without a lead (an aggregator's item) has to stand alone: a jurisdiction as the
    // subject of its restriction verb counts for the actor and context cues a lead would add.
    (!summary && subjects.size > 0 && restrictHit !== null && restrictHit.start < titleEnd ? (tuning.headlineOnlyBonus ?? 0.5) : 0) -
    noiseTotal;
  // A headline without a lead that reports a restriction of a named vendor, with nothing against it
  // (no noise), stands alone even when it names no state: the lead would have named it ("DJI is
  // blacklisted", "Huawei soll aus 5G-Netz entfernt werden", "엔비디아 반도체, 수출통제 대상"). With a
  // lead, a ban word and no state is a company's or a platform's own rule; so is a ban on an
  // organisation's own devices or staff ("Deutsche Bank bans WeChat on work phones"), whose state
  // must be named. A passive restriction after the vendor ("TikTok to be banned on all parliamentary
  // devices", "Les fonctionnaires chinois interdits d'utiliser un iPhone") names no organisation
  // acting on its own staff: the scope is the measure's, and the lead would name its state.
  let firstTarget = Infinity;
  for (const v of targets.values()) firstTarget = Math.min(firstTarget, v.hit.start);
  let passiveInTitle = false;
  let passiveAfter = false;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (!h.cue.passive || !h.cue.restrict || h.start >= titleEnd) continue;
    passiveInTitle = true;
    if (h.start > firstTarget) passiveAfter = true;
  }
  const quiet = !summary && restrictHit !== null && restrictHit.start < titleEnd && noise === 0 && (!votes.officialScope || passiveInTitle);
  // Such a headline has no lead to add measure, actor and country cues, so a restriction verb with the
  // vendor as its object is all there is ("Stitt verbietet DeepSeek-KI", "Govt blocks web-based
  // Telegram app", "DeepSeek, o ülkede de yasaklandı"): it needs a lower score (headlineAloneThreshold).
  // Where the verb comes before its object, a vendor named before the restriction word is its subject
  // or a modifier of a noun ("Huawei expands in Europe despite bans", "PM says Huawei ban would be
  // costly"), which needs the full score — unless a passive form of the verb follows it ("TikTok
  // faces…", "Huawei to be barred from…": the vendor is its object).
  const objectOfVerb = restrictHit !== null && (verbFinal || restrictHit.start < firstTarget || passiveAfter);
  const aloneAt = tuning.relevanceThreshold + (tuning.headlineAloneMargin ?? 0);
  const standsAlone = quiet && (score >= aloneAt || (objectOfVerb && score >= (tuning.headlineAloneThreshold ?? aloneAt)));
  const hasActor = actorTotal > 0 || govFeed || countryScores.size > 0;
  const reached = score >= tuning.relevanceThreshold;
  if (standsAlone && (!hasActor || !reached)) fired.add('headline.stands-alone');
  const relevant = restrictScore > 0 && ((hasActor && reached) || standsAlone);
  if (!relevant) return notRelevantResult(src, sents, titleEnd, cjk, fired, votes, vendorHits, score, tuning);

  // The targeted vendors' home country named only as their origin ("banned on government devices due
  // to China security concerns", "Chinese-owned TikTok") is not the actor, even when no other country
  // is named: the outlet's or the language's country decides then (decideCountries). Export controls
  // are the exception: a state controls what its own firms sell abroad ("US chipmaker Nvidia told to
  // stop H20 sales to China").
  const actingScores = new Map<string, number>();
  const ownExports = votes.measureScores.has('export_control');
  // …but a country an export control names only behind a context word ("sell chips to China", "nach
  // China liefern", "vendre à la Chine") is where the goods go, not the state that controls them:
  // with no other country named, the measure's usual actor decides (decideCountries).
  for (const [code, w] of countryScores) {
    if (ownExports ? !cvotes.qualifiedOnly.has(code) : cvotes.acting.has(code)) actingScores.set(code, w);
  }
  const cv = vote(actingScores, cvotes.best);
  if (actingScores.size < countryScores.size && vote(countryScores, cvotes.best).key !== cv.key) fired.add('country.origin-only');

  // ---- measure ----
  const mv = measureVote(c, targets, votes, cv.key, text, tuning, fired);
  const measure: Measure = mv.key && (MEASURES as readonly string[]).includes(mv.key) ? mv.key : 'other_restriction';

  // ---- stage ----
  const sd = decideStage(votes.stageVotes, {
    measure, proposedInTitle: votes.proposedInTitle, restrictInTitle: !!restrictHit && restrictHit.start < titleEnd, tuning,
  });
  for (let i = 0; i < sd.rules.length; i++) fired.add(sd.rules[i] as string);

  // ---- countries: decide ----
  const countries = decideCountries(cv, subjects, domainCountry, lang, lex, actor, measure, tuning, fired, !summary);

  return relevantResult(src, sents, titleEnd, cjk, fired, targets, countries, cvotes.best, restrictHit, mv, measure, sd, cv, score, tuning);
}

/** The relevant result: evidence, rules and confidence of the decision. */
function relevantResult(
  src: Source, sents: Sentence[], titleEnd: number, cjk: boolean, fired: Set<string>, targets: Map<string, VendorHit>,
  countries: string[], countryBest: Map<string, Hit>, restrictHit: Hit | null, mv: Vote<Measure>, measure: Measure,
  sd: StageDecision, cv: Vote<string>, score: number, tuning: Tuning,
): Classification {
  const stageHit = sd.hit;
  const evidence: string[] = [];
  if (restrictHit) evidence.push(snippet(src, sentAt(sents, titleEnd, restrictHit), restrictHit, cjk));
  if (mv.hit && mv.hit !== restrictHit) evidence.push(snippet(src, sentAt(sents, titleEnd, mv.hit), mv.hit, cjk));
  if (stageHit && stageHit !== restrictHit) evidence.push(wholeWords(src, stageHit));
  for (let i = 0; i < countries.length; i++) {
    const h = countryBest.get(countries[i] as string);
    if (h) evidence.push(wholeWords(src, h));
  }
  for (const v of targets.values()) evidence.push(wholeWords(src, v.hit));
  const rules = [...fired];
  for (let i = 0; i < countries.length; i++) {
    const code = countries[i] as string;
    const h = countryBest.get(code);
    rules.push(h ? h.cue.id : `feed.country.${code}`);
  }
  for (const v of targets.values()) rules.push(v.hit.cue.id);

  const pRel = sigmoid((score - tuning.relevanceThreshold) / 1.5);
  const mMargin = mv.top > 0 ? (mv.top - mv.second) / (mv.top + 1) : 0;
  const cMargin = cv.top > 0 ? (cv.top - cv.second) / (cv.top + 1) : 0;
  const confidence = round2(Math.min(0.99, 0.45 * pRel + 0.2 * Math.min(1, cMargin + 0.3) + 0.15 * Math.min(1, mMargin + 0.3) + 0.2 * Math.min(1, sd.margin + 0.3)));

  // The stage's own evidence: its deciding cues, strongest first; with no stage cue, the headline's
  // restriction phrase (a headline reporting a measure reads as done).
  const stagePhrases: string[] = [];
  if (sd.votes.length) {
    for (let i = 0; i < sd.votes.length && i < MAX_STAGE_EVIDENCE; i++) {
      const v = sd.votes[i] as StageVote;
      stagePhrases.push(snippet(src, sentAt(sents, titleEnd, v.hit), v.hit, cjk));
    }
  } else if (restrictHit) stagePhrases.push(snippet(src, sentAt(sents, titleEnd, restrictHit), restrictHit, cjk));

  return {
    relevant: true,
    countries,
    vendors: [...targets.keys()].sort(),
    measure,
    stage: sd.stage,
    confidence,
    evidence: dedupe(evidence).slice(0, MAX_EVIDENCE),
    rules: [...new Set(rules)],
    stageEvidence: dedupe(stagePhrases),
    stageConfidence: sd.confidence,
  };
}

interface StageVote {
  hit: Hit;
  stage: Stage;
  /** The cue's stage weight, × titleFactor in the headline. */
  w: number;
  inTitle: boolean;
}

interface StageDecision {
  stage: Stage;
  /** The strongest cue of the chosen stage, or null when no stage cue fired. */
  hit: Hit | null;
  /** The chosen stage's cues, strongest first: its evidence. */
  votes: StageVote[];
  /** Vote margin, for the overall confidence. */
  margin: number;
  /** How sure the stage is, in [0, 1] (see stageConfidence). */
  confidence: number;
  rules: string[];
}

/** A cue that says its stage without ambiguity ("court blocks", "lifted the ban", "decided not to"). */
function sureCue(cue: Cue): boolean {
  return cue.sure ?? (cue.sw ?? 1) >= SURE_WEIGHT;
}

/**
 * Stage as its own decision. Lifted and rejected win when clearly present (they are what turns an
 * event around); otherwise the weighted vote of proposed / announced / in force decides, and with no
 * cue at all a headline reporting a measure reads as done.
 */
function decideStage(
  all: StageVote[],
  ctx: { measure: Measure; proposedInTitle: boolean; restrictInTitle: boolean; tuning: Tuning },
): StageDecision {
  const rules: string[] = [];
  // The headline says what happened; the lead's weaker modal and tense words often belong to other
  // clauses ("would ban" in a quote, "will no longer be able to" as the consequence of an issued
  // memo, "possible security concerns"). When the headline carries a stage cue, weak body cues
  // count less; strong ones (took effect, will take effect on…, court blocks) keep their weight.
  // LABELS.md: a law or order that has been signed, enacted or issued is in force even when its
  // restriction starts later; only a decision with a future deadline and no instrument is announced.
  // Next to an issuance cue, the cues that merely date the restriction say when, not whether.
  // A headline's future form ("US to ban…") gives way only to a plain instrument (signed, a final
  // rule, adopted rules), not to an order to staff whose scope the lead may still be weighing.
  const instrument = all.some((v) => v.hit.cue.issued && (v.hit.cue.sw ?? 1) >= 3);
  if (all.some((v) => v.hit.cue.issued) && all.some((v) => v.hit.cue.timing || (instrument && v.hit.cue.futureForm))) {
    all = all.filter((v) => !v.hit.cue.timing && !(instrument && v.hit.cue.futureForm));
    rules.push('stage.issued-dated');
  }
  // A plan with a date ("plant Huawei-Ausschluss bis 2026", "envisage d'exclure Huawei d'ici 2026"):
  // when the headline proposes and only dating cues argue for announced, the date is the plan's.
  if (all.some((v) => v.inTitle && v.stage === 'proposed' && !v.hit.cue.timing) &&
    all.some((v) => v.stage === 'announced') && all.every((v) => v.stage !== 'announced' || v.hit.cue.timing)) {
    all = all.filter((v) => v.stage !== 'announced');
    rules.push('stage.planned-dated');
  }
  // A sure lifting (a court blocks, an order suspends the enforcement) is often itself a signed or
  // issued instrument: its form says nothing against the lifting.
  if (all.some((v) => v.stage === 'lifted' && sureCue(v.hit.cue)) && all.some((v) => v.hit.cue.issued)) {
    all = all.filter((v) => !(v.hit.cue.issued && v.stage === 'in_force'));
    rules.push('stage.issued-lifting');
  }
  // "L'Italie interdit DeepSeek" over "a décidé d'interdire": the issue's "decided to ban" is
  // announced unless it is in effect, and a headline reporting the ban in the present tense says it
  // is, when nothing else (a date, a future) argues for later.
  // So is the bare future of the ban verb in the lead ("Gov. X bans TikTok on state devices" over
  // "announced that TikTok will be blocked on all state devices"): the announcement's tense, with no
  // date to put the start later.
  if (all.some((v) => v.inTitle && v.stage === 'in_force') &&
    all.some((v) => v.stage === 'announced') &&
    all.every((v) => v.stage !== 'announced' || v.hit.cue.decided || (!v.inTitle && v.hit.cue.bareFuture))) {
    all = all.filter((v) => v.stage !== 'announced');
    rules.push('stage.decided-in-effect');
  }
  const titleVoted = all.some((v) => v.inTitle);
  const bodyFactor = ctx.tuning.bodyStageFactor ?? 1;
  const strong = ctx.tuning.strongStageWeight ?? 4;
  const votes = titleVoted && bodyFactor !== 1
    ? all.map((v) => (v.inTitle || (v.hit.cue.sw ?? 1) >= strong ? v : { ...v, w: v.w * bodyFactor }))
    : all;
  const scores = new Map<Stage, number>();
  for (const v of votes) add(scores, v.stage, v.w);
  const lifted = scores.get('lifted') ?? 0;
  const rejected = scores.get('rejected') ?? 0;
  const inForce = scores.get('in_force') ?? 0;
  let stage: Stage | null = null;
  let margin: number;
  // A court upholding a ban or rejecting an appeal (in force, weight 6) outweighs the "court … block"
  // or "rejects" words it contains.
  if (lifted >= 3 && lifted >= rejected && lifted >= inForce) {
    stage = 'lifted';
    margin = lifted / (lifted + 2);
  } else if (rejected >= 3 && rejected >= inForce && rejected >= (scores.get('announced') ?? 0)) {
    // (…but "allows Huawei a limited role, capped at 35%" decides a restriction: announced wins.)
    stage = 'rejected';
    margin = rejected / (rejected + 2);
  } else {
    let top = 0;
    let second = 0;
    for (const s of STAGE_VOTE_ORDER) {
      const v = scores.get(s) ?? 0;
      if (v > top) {
        second = top;
        top = v;
        stage = s;
      } else if (v > second) second = v;
    }
    margin = top > 0 ? (top - second) / (top + 1) : 0.2;
    // No stage cue at all, or only a word as weak as "announced" (an announcement is as often of a
    // ban in force as of a future one): a headline reporting a measure reads as done — an order to
    // wind up or divest too, once issued, though it takes effect later (LABELS.md).
    if (top < (ctx.tuning.minStageScore ?? 0)) stage = null;
    if (!stage) {
      stage = 'in_force';
      rules.push('stage.default');
    }
    // LABELS.md: an official security warning is in force once issued. A warning headline with
    // "could"/"might" only in the body describes the risk ("data could be sent to China"), not a
    // warning still under consideration.
    if (ctx.measure === 'security_warning' && stage === 'announced') stage = 'in_force';
    if (ctx.measure === 'security_warning' && stage === 'proposed' && !ctx.proposedInTitle && ctx.restrictInTitle) {
      stage = 'in_force';
      rules.push('stage.warning-issued');
    }
  }
  const chosen = stage as Stage;
  const mine = votes.filter((v) => v.stage === chosen).sort((a, b) => b.w - a.w || a.hit.start - b.hit.start);
  return { stage: chosen, hit: mine[0]?.hit ?? null, votes: mine, margin, confidence: stageConfidence(chosen, scores, mine), rules };
}

/**
 * How sure the stage is. The share of the stage votes that agree with the decision, times how much
 * evidence there is (1 − e^(−score/4): one headline cue of weight 2 gives ≈0.5, two strong cues
 * ≈0.9). An unambiguous cue (`sure`, or weight ≥ SURE_WEIGHT) that the other votes do not contradict
 * lifts it to ≥ 0.8; lifted and rejected without one stay ≤ 0.6, so an event is never turned around
 * on a vague word ("allows", "reverses", 恢复). With no stage cue at all the stage is a default: 0.3.
 */
function stageConfidence(stage: Stage, scores: Map<Stage, number>, mine: StageVote[]): number {
  if (mine.length === 0) return 0.3;
  const own = scores.get(stage) ?? 0;
  let others = 0;
  for (const [s, v] of scores) if (s !== stage) others += v;
  const share = own / (own + others);
  let conf = share * (1 - Math.exp(-own / 4));
  const sure = mine.some((v) => sureCue(v.hit.cue));
  if (sure && share >= 0.6) conf = Math.max(conf, 0.8 + 0.15 * (share - 0.6) / 0.4);
  if ((stage === 'lifted' || stage === 'rejected') && !sure) conf = Math.min(conf, 0.6);
  return round2(Math.min(0.97, conf));
}

function dedupe(list: string[]): string[] {
  const out: string[] = [];
  for (const e of list) {
    const t = e.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}
