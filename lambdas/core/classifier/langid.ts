/**
 * Language identification for the classifier: which lexicon reads an item, and whether banwatch
 * reads that language at all. Pure, no I/O, a few microseconds an item.
 *
 * 1. The script of the text (letters counted in the first LANG_SAMPLE characters) narrows the
 *    candidates: Cyrillic → ru/uk/bg/sr/mk/be/kk, Arabic script → ar/fa/ur, Devanagari → hi/mr/ne,
 *    Greek, Hebrew, Thai; Georgian, Armenian, Bengali, Tamil… have no lexicon at all.
 * 2. Within a script, function words and letters tell close languages apart: Swedish ä/ö and "och"
 *    from Danish/Norwegian æ/ø; Danish "af/efter/blev/nogle" from Norwegian "av/etter/ble/noen";
 *    Czech ř/ě/ů from Slovak ä/ô/ľ; Ukrainian і/ї/є/ґ from Russian ы/э/ъ/ё.
 * 3. A declared language (item or feed) wins when its script fits the text.
 *
 * Languages banwatch has no lexicon for (Slovenian, Azerbaijani, Persian, Georgian…) are identified
 * too, so that an item in them that names a watched vendor is reported as unread
 * (`language_supported: false`, low confidence) instead of confidently "not relevant".
 * Chinese, Japanese and Korean text is left to the classifier's own CJK rules (pickLanguage).
 */
import type { Classification, ClassifierInput } from '../model.js';
import { lazyNative } from '../native-regex.js';
import { htmlToText } from '../text.js';
import type { CompiledRules } from './compile.js';

/** Characters read for identification: a headline and the start of the lead are enough. */
const LANG_SAMPLE = 400;

export type Script =
  | 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'thai' | 'devanagari' | 'cjk'
  | 'georgian' | 'armenian' | 'bengali' | 'tamil' | 'other';

interface Profile {
  script: Script;
  /** Frequent function words (lower case): each occurrence is one point. */
  words: string;
  /** Letters (lower case) that this language uses and its neighbours do not: half a point each. */
  letters?: string;
  /** Letters this language never writes: two points off each (names aside, they mean another language). */
  never?: string;
  /** Letter sequences typical of the language (Hungarian sz/gy, Finnish ssa/ää): half a point each, three at most. */
  grams?: string;
}

/**
 * Profiles of the languages told apart. Word lists are short on purpose: headline + lead samples
 * are 20–60 words, and the distinguishing words matter more than coverage.
 */
const PROFILES: Record<string, Profile> = {
  en: { script: 'latin', words: 'the of and to in is for on that with as by from its has will be are was after over said would', never: 'åäöæøñçãõăşţșțąęłřěůőűőű' },
  fr: { script: 'latin', words: 'le la les des du et est une un dans pour sur qui avec au aux ses ce cette pas par que ne d l', letters: 'çéèêàùâîôœ', never: 'ñãõäöåæøąęłřě' },
  de: { script: 'latin', words: 'der die das und den dem nicht ist mit von auf sich für eine ein auch hat des zu im wird werden', letters: 'äöüß', never: 'åæøñçãõąęłřěőűáíóúãăşı' },
  es: { script: 'latin', words: 'el la los las del que y en por con una para su sus al se es un no lo como más', letters: 'ñáéíóú¿¡', never: 'ãõçàèâêôäöåæøąęłřě' },
  it: { script: 'latin', words: 'il lo gli della delle dei che e per con una non del alla nel sono è di un ha le da al', letters: 'àèìòù', never: 'ñãõçäöåæøąęłřě' },
  pt: { script: 'latin', words: 'o os as do da dos das que e em no na com uma para não ao pelo pela um se é por foi', letters: 'ãõçâêôáéíóú', never: 'ñäöåæøąęłřě' },
  nl: { script: 'latin', words: 'de het een van en in is op te dat voor met niet zijn door wordt ook om bij aan naar als over worden heeft er nog', letters: 'ë', never: 'åäöæøñçãąęłřě' },
  sv: { script: 'latin', words: 'och att det som en på är av för med till den har inte om ett de från kan vid efter mot sig ska blir också nu var när man får', letters: 'äö', never: 'æøüñçãąęłřěőűáíóú' },
  da: { script: 'latin', words: 'og at det som en på er af for med til den har ikke om et de fra kan efter mod sig skal blev også nu var når vil hvad nogle meget mig dig siger sagde noget mellem gennem fortsat fik', letters: 'æø', never: 'äöüñçãąęłřě' },
  no: { script: 'latin', words: 'og å det som en på er av for med til den har ikke om et de fra kan etter mot seg skal ble også nå var når vil hva noen mye meg deg ein eit ikkje frå dei vere òg kva sier sa noe mellom gjennom fortsatt fikk', letters: 'æø', never: 'äöüñçãąęłřě' },
  fi: { script: 'latin', words: 'ja on ei että se oli kun mutta myös tai jo sen ovat hän ne nyt kuin mukaan jälkeen vuoden voi olla ovat', letters: 'äöy', grams: 'ää aa ee ii uu yy ssa ssä sta stä lla llä uo', never: 'åæøõüñçąęłřěőűáíóú' },
  et: { script: 'latin', words: 'ja on ei et see oli kui ka aga ning mis ta nad ole või selle pärast oma veel seda mida tema', letters: 'õüäö', never: 'åæøñçąęłřěőűáíóú' },
  pl: { script: 'latin', words: 'się nie że jest przez dla jak czy ale oraz także który które może są był była będzie w z', letters: 'ąęłńśźż', never: 'řěůäôľĺŕåæøñçã' },
  cs: { script: 'latin', words: 'se je že jako ale pro jsou byl nebo také který které podle není bude byla jeho tak v', letters: 'řěů', never: 'ąęłäôľĺŕåæøñçã' },
  sk: { script: 'latin', words: 'sa je že ako ale pre aj sú bol alebo tiež ktorý ktoré podľa nie bude bola jeho tak v', letters: 'äôľĺŕ', never: 'řěůąęłåæøñçã' },
  ro: { script: 'latin', words: 'și şi în cu pe că din este care pentru să fost ale unui unei fiind asupra', letters: 'ăâîșțşţ', never: 'åæøñçãąęłřěğı' },
  hu: { script: 'latin', words: 'a az és hogy nem egy meg ezt már csak mint után még volt lesz szerint pedig kell miatt', letters: 'őű', grams: 'sz gy ny zs ly ött ták nak nek', never: 'åæøñçãąęłřěäâàèìòùã' },
  tr: { script: 'latin', words: 've bir bu için ile olarak daha çok gibi sonra olan kadar değil ise her tarafından', letters: 'ğışİ', never: 'åæøñãąęłřěäéèăâîț' },
  vi: { script: 'latin', words: 'và của có là các được trong cho với không người những một này đã để từ theo khi về tại sẽ', letters: 'đươăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ' },
  id: { script: 'latin', words: 'yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah oleh karena atau telah sudah bisa tersebut pemerintah sebuah namun menjadi bahwa saat kini masih hanya lebih sangat', never: 'åäöæøñçãąęłřěàèìòù' },
  lt: { script: 'latin', words: 'ir kad yra su į iš ne tai bet o per dėl kaip bus buvo jau nuo po taip kuris kurie', letters: 'ąęėįųū', never: 'āēīģķļņåæøñçãłřě' },
  lv: { script: 'latin', words: 'un ir ka ar uz no par lai kas bet arī vai tas to pēc kā nav būs tika jau', letters: 'āēīģķļņ', never: 'ąęėįųåæøñçãłřě' },
  // Identified so that they are not read with a wrong lexicon's confidence: no lexicon yet.
  ms: { script: 'latin', words: 'yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ialah oleh kerana boleh telah kerajaan daripada beliau', never: 'åäöæøñçãąęłřě' },
  ca: { script: 'latin', words: 'amb els dels més aquest aquesta però també perquè i pel pels als va van seu seva seus aquests fins hi ho d l el la les un una de del que en a per', letters: '·ò', never: 'ñãõäöåæøąęłřě' },
  hr: { script: 'latin', words: 'koji koja koje što će nije bio bila ili kao je se na u i su te sa zbog nakon još', letters: 'ćđ', never: 'řěůąęłäôåæøñãàèìòù' },
  sl: { script: 'latin', words: 'ki tudi kot še bo so pa je se na in v z iz ker naj lahko zaradi ter kjer', never: 'ćđřěůąęłäôåæøñãàèìòù' },
  az: { script: 'latin', words: 'və bu bir ilə üçün da də olan ki isə daha görə sonra edib', letters: 'ə' },
  sq: { script: 'latin', words: 'të në dhe për një nga që', letters: 'ë', never: 'åæøñãąęłřě' },
  is: { script: 'latin', words: 'að við ekki fyrir hefur', letters: 'þð' },
  tl: { script: 'latin', words: 'ang ng mga ay ito', never: 'åäöæøçãąęłřě' },
  ru: { script: 'cyrillic', words: 'и в на не что с по это к из за от о для как его также будет был была были они при после', letters: 'ыэё', never: 'іїєґўәғқңөұүһђћџјљњѓќѕ' },
  uk: { script: 'cyrillic', words: 'і в на не що з у та до це за від про для як його також буде був була були вони при після й', letters: 'іїєґ', never: 'ыэъёўәғқңөұүђћџјљњѓќѕ' },
  bg: { script: 'cyrillic', words: 'и в на не че с по това за от да се са е като за който която които ще във със към след между', letters: 'ъ', grams: 'ият ът ните ията', never: 'ыэёіїєґўәғқңөұүђћџјљњѓќѕ' },
  sr: { script: 'cyrillic', words: 'и у на не да се је за од су са као што који из због након још или', letters: 'ђћџјљњ', never: 'ыэъёіїєґщѓќѕ' },
  mk: { script: 'cyrillic', words: 'и во на не да се е за од со како што кој ќе го ги ја ова тоа беше', letters: 'ѓќѕјљњ', never: 'ыэъёіїєґщђћ' },
  be: { script: 'cyrillic', words: 'і ў на не што з па гэта да за ад пра для як', letters: 'ўі', never: 'иїєґщъ' },
  kk: { script: 'cyrillic', words: 'және мен бұл үшін деп бойынша', letters: 'әғқңөұүһі' },
  el: { script: 'greek', words: 'και το η ο της του των να στο στη σε για με από που τα οι ότι θα' },
  ar: { script: 'arabic', words: 'في من على أن إلى عن مع هذا هذه التي الذي كان بعد قد و ما لا', never: 'پچژگیکٹڈڑںےہ' },
  fa: { script: 'arabic', words: 'و در به از که این را با است برای می آن شد', letters: 'پچژگیک' },
  ur: { script: 'arabic', words: 'کے میں کی ہے اور کو سے نے پر یہ', letters: 'ٹڈڑںےہ' },
  he: { script: 'hebrew', words: 'של את על עם לא כי הוא היא זה גם אם או' },
  th: { script: 'thai', words: '' },
  hi: { script: 'devanagari', words: 'है के में की और को से पर ने यह एक लिए था कि भी', letters: '' },
  mr: { script: 'devanagari', words: 'आणि आहे या ला च्या केले हे की नाही', letters: 'ळ' },
  ne: { script: 'devanagari', words: 'र छ को मा ले गर्न भएको पनि छन् थियो' },
};

/** The language each script stands for when its function words say nothing. */
const SCRIPT_DEFAULT: Partial<Record<Script, string>> = {
  cyrillic: 'ru', greek: 'el', arabic: 'ar', hebrew: 'he', thai: 'th', devanagari: 'hi',
  georgian: 'ka', armenian: 'hy', bengali: 'bn', tamil: 'ta', other: 'und',
};

/** ISO 639-1 aliases feeds use (Norwegian Bokmål/Nynorsk, old Hebrew and Indonesian codes, Filipino). */
const ALIASES: Record<string, string> = { nb: 'no', nn: 'no', iw: 'he', in: 'id', fil: 'tl', zsm: 'ms' };

export function scriptOf(code: number): Script | null {
  if (code < 0x41) return null;
  if (code <= 0x24f) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code >= 0xc0 ? (code === 0xd7 || code === 0xf7 ? null : 'latin') : null;
  if (code >= 0x1e00 && code <= 0x1eff) return 'latin';
  if (code >= 0x370 && code <= 0x3ff) return 'greek';
  if (code >= 0x1f00 && code <= 0x1fff) return 'greek';
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  if (code >= 0x530 && code <= 0x58f) return 'armenian';
  if (code >= 0x590 && code <= 0x5ff) return 'hebrew';
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) return 'arabic';
  if (code >= 0x900 && code <= 0x97f) return 'devanagari';
  if (code >= 0x980 && code <= 0x9ff) return 'bengali';
  if (code >= 0xb80 && code <= 0xbff) return 'tamil';
  if (code >= 0xe00 && code <= 0xe7f) return 'thai';
  if (code >= 0x10a0 && code <= 0x10ff) return 'georgian';
  if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f) || (code >= 0xf900 && code <= 0xfaff)) return 'cjk';
  // Other letters of other scripts (Indic, Southeast Asian, Ethiopic…), not punctuation or symbols.
  if ((code >= 0xa00 && code <= 0xdff) || (code >= 0xe80 && code <= 0xfff) || (code >= 0x1000 && code <= 0x109f) || (code >= 0x1200 && code <= 0x139f) || (code >= 0x1780 && code <= 0x17ff)) return 'other';
  return null;
}

/** Letters one CJK character counts for when the dominant script is chosen. */
const CJK_WEIGHT = 3;
/** Every script, numbered from 1 (0: no letter of a script) for the per-unit table below. */
const SCRIPTS: Script[] = ['latin', 'cyrillic', 'greek', 'arabic', 'hebrew', 'thai', 'devanagari', 'cjk', 'georgian', 'armenian', 'bengali', 'tamil', 'other'];
/**
 * scriptOf of every UTF-16 unit, as 1 + its index in SCRIPTS (0 for null): counting the letters of
 * a sample is then one load per character, and the counts live in a small integer array instead of
 * an object keyed by script name (which V8 keeps as a dictionary: that store was 5 % of the time
 * of classifying an item).
 */
const SCRIPT_OF_UNIT = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  const s = scriptOf(c);
  if (s) SCRIPT_OF_UNIT[c] = SCRIPTS.indexOf(s) + 1;
}
const scriptCounts = new Int32Array(SCRIPTS.length + 1);
const CJK_INDEX = SCRIPTS.indexOf('cjk') + 1;
/** Scripts in the order their first letter occurs, for the counts record. */
const scriptOrder = new Uint8Array(SCRIPTS.length);

/** Letter counts per script in a sample, and the dominant one (the first to reach the highest count). */
export function dominantScript(sample: string): { script: Script | null; letters: number; counts: Partial<Record<Script, number>> } {
  const best = countScripts(sample, sample.length);
  const record: Partial<Record<Script, number>> = {};
  for (let k = 0; k < seenScripts; k++) {
    const s = scriptOrder[k] as number;
    record[SCRIPTS[s - 1] as Script] = scriptCounts[s] as number;
  }
  return { script: best === 0 ? null : (SCRIPTS[best - 1] as Script), letters: countedLetters, counts: record };
}

/** The dominant script of text[0, end) (dominantScript's answer, without the counts record). */
function dominantScriptOf(text: string, end: number): Script | null {
  const best = countScripts(text, end);
  return best === 0 ? null : (SCRIPTS[best - 1] as Script);
}

/** Letters counted and scripts seen by the last countScripts. */
let countedLetters = 0;
let seenScripts = 0;

/** Counts the letters of text[0, end) per script (scriptCounts, scriptOrder); returns the dominant one's number, 0 for none. */
function countScripts(sample: string, end: number): number {
  const counts = scriptCounts;
  counts.fill(0);
  let seen = 0;
  let letters = 0;
  let best = 0;
  let bestN = 0;
  for (let i = 0; i < end; i++) {
    const s = SCRIPT_OF_UNIT[sample.charCodeAt(i)] as number;
    if (s === 0) continue;
    letters++;
    const n = (counts[s] as number) + 1;
    counts[s] = n;
    if (n === 1) scriptOrder[seen++] = s;
    // One CJK character carries about as much as three Latin letters (pickLanguage reasons the
    // same): "政府、DeepSeekを禁止" is a Japanese headline around a Latin name, not Latin text.
    const w = s === CJK_INDEX ? n * CJK_WEIGHT : n;
    if (w > bestN) {
      bestN = w;
      best = s;
    }
  }
  countedLetters = letters;
  seenScripts = seen;
  return best;
}

/** The dominant script of the first LANG_SAMPLE characters of a text; the last answer is kept (identify asks twice). */
let lastSampleOf: { text: string; script: Script | null } | null = null;

function sampleScript(text: string): Script | null {
  if (lastSampleOf !== null && lastSampleOf.text === text) return lastSampleOf.script;
  const script = dominantScriptOf(text, Math.min(text.length, LANG_SAMPLE));
  lastSampleOf = { text, script };
  return script;
}

interface CompiledProfile {
  code: string;
  /** Its slot in POINTS. */
  index: number;
  script: Script;
  letters: Set<string>;
  never: Set<string>;
  grams: string[];
  /** `never` less `letters`: the letters that count against it. */
  foreign: Set<string>;
}

/** Function word → the profiles (their indexes) it speaks for. */
const WORDS = new Map<string, number[]>();
/** A language read by a lexicon of the nine needs no evidence; an added one needs this much in a short text. */
const MIN_POINTS_ADDED = 1.5;
const BY_SCRIPT = new Map<Script, CompiledProfile[]>();
for (const [index, [code, p]] of Object.entries(PROFILES).entries()) {
  for (const w of p.words.split(' ').filter(Boolean)) {
    const list = WORDS.get(w);
    if (list) list.push(index);
    else WORDS.set(w, [index]);
  }
  const cp: CompiledProfile = { code, index, script: p.script, letters: new Set(p.letters ?? ''), never: new Set(p.never ?? ''), grams: (p.grams ?? '').split(' ').filter(Boolean), foreign: new Set() };
  cp.foreign = new Set([...cp.never].filter((ch) => !cp.letters.has(ch)));
  const list = BY_SCRIPT.get(p.script);
  if (list) list.push(cp);
  else BY_SCRIPT.set(p.script, [cp]);
}

/**
 * Points per profile (by index) of the text being guessed, zeroed per guess: an array, not a Map by
 * language code, as the ~30 Latin profiles each read and wrote theirs several times a guess (speed11).
 */
const POINTS = new Float64Array(Object.keys(PROFILES).length);

// Words: runs of letters and combining marks of any script (Devanagari and Thai vowel signs are marks).
// Compiled straight to machine code (native-regex.ts): 20 KB of regex bytecode otherwise (speed18).
const wordRe = lazyNative(() => /[\p{L}\p{M}]+/gu);
const NONE: string[] = [];
const NO_COUNTS: number[] = [];
/** Every letter some profile owns or never uses (most text has few of them). */
const MARKED_LETTERS = new Set(Object.values(PROFILES).flatMap((p) => [...(p.letters ?? ''), ...(p.never ?? '')]));

export interface LanguageGuess {
  /** Best guess, ISO 639-1 ("und" when nothing speaks). */
  language: string;
  script: Script | null;
  /** How sure: the winner's points minus the runner-up's. */
  margin: number;
  /** The candidates of the script with their points, best first; only when the guess is not one of the nine (LEGACY). */
  ranked?: Array<[string, number]>;
}

/** Identifies the language of a text by script, function words and letters. */
export function guessLanguage(text: string): LanguageGuess {
  const sample = text.length > LANG_SAMPLE ? text.slice(0, LANG_SAMPLE) : text;
  const script = sampleScript(text);
  if (!script) return { language: 'und', script: null, margin: 0 };
  const candidates = BY_SCRIPT.get(script);
  if (!candidates) return { language: SCRIPT_DEFAULT[script] ?? 'und', script, margin: 0 };
  if (candidates.length === 1) return { language: (candidates[0] as CompiledProfile).code, script, margin: 1 };
  const points = POINTS;
  points.fill(0);
  const lower = sample.toLowerCase();
  const words = wordRe();
  words.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = words.exec(lower)) !== null) {
    const langs = WORDS.get(m[0]);
    if (langs) for (const l of langs) points[l] = (points[l] as number) + 1;
  }
  // One pass counts the letters some profile owns or never uses; each profile then sums its few.
  const marked = new Map<string, number>();
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) < 0x79) continue; // below 'y': no profile marks it
    const ch = lower.charAt(i);
    if (MARKED_LETTERS.has(ch)) marked.set(ch, (marked.get(ch) ?? 0) + 1);
  }
  const markedChars = marked.size ? [...marked.keys()] : NONE;
  const markedCounts = marked.size ? [...marked.values()] : NO_COUNTS;
  for (const p of candidates) {
    let pts = points[p.index] as number;
    if (marked.size && (p.letters.size || p.never.size)) {
      let own = 0;
      let foreign = 0;
      // Over the few marked letters the text has, not over the profile's ~25 (integer sums: same totals).
      for (let k = 0; k < markedChars.length; k++) {
        const ch = markedChars[k] as string;
        if (p.letters.has(ch)) own += markedCounts[k] as number;
        else if (p.foreign.has(ch)) foreign += markedCounts[k] as number;
      }
      pts += Math.min(own, 8) * 0.5 - Math.min(foreign, 4) * 2;
    }
    if (p.grams.length) {
      let n = 0;
      for (const g of p.grams) for (let i = lower.indexOf(g); i >= 0 && n < 6; i = lower.indexOf(g, i + 1)) n++;
      pts += n * 0.5;
    }
    points[p.index] = pts;
  }
  let best = SCRIPT_DEFAULT[script] ?? 'und';
  let top = -Infinity;
  let second = -Infinity;
  for (const p of candidates) {
    const v = points[p.index] as number;
    if (v > top) {
      second = top;
      top = v;
      best = p.code;
    } else if (v > second) second = v;
  }
  const silent = top <= 0 || (top < MIN_POINTS_ADDED && !LEGACY.has(best) && script === 'latin');
  const language = silent ? SCRIPT_DEFAULT[script] ?? 'und' : best;
  // The ranking is read (by readable) only when the guess is not one of the nine: most guesses are
  // English, French… and building and sorting it for them was ~2% of a warm pass (speed11).
  const ranked = LEGACY.has(language) ? undefined : candidates.map((p) => [p.code, points[p.index] as number] as [string, number]).sort((a, b) => b[1] - a[1]);
  if (silent) return { language, script, margin: 0, ranked };
  return { language, script, margin: top - (second === -Infinity ? 0 : second), ranked };
}

function normLang(s: string | null | undefined): string | null {
  if (!s) return null;
  const tag = s.trim().toLowerCase();
  // The primary subtag, up to the first "-" or "_" (no regex split per item).
  let end = 0;
  while (end < tag.length && tag.charCodeAt(end) !== 45 && tag.charCodeAt(end) !== 95) end++;
  const code = tag.slice(0, end);
  if (!code) return null;
  return ALIASES[code] ?? code;
}

export interface LanguageId {
  /** The item's language as far as we can tell (declared or guessed), ISO 639-1 or "und". */
  language: string;
  /** The lexicon to run; null leaves the choice to the classifier's own rules (CJK, the nine). */
  lexicon: string | null;
  /** False when no lexicon reads this language (or its script): the classification is a guess. */
  supported: boolean;
}

/** Languages whose lexicons existed before identification: their choice stays with pickLanguage. */
const LEGACY = new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'ja', 'zh', 'ko']);

/** The script a lexicon's language is written in. */
function scriptOfLanguage(code: string): Script | null {
  return PROFILES[code]?.script ?? (code === 'ja' || code === 'zh' || code === 'ko' ? 'cjk' : null);
}

// The classifier identifies while choosing its lexicon; withLanguageSupport reuses that answer.
let last: { input: ClassifierInput; id: LanguageId } | null = null;

/**
 * Which lexicon reads this item and whether its language is one banwatch reads. The declared
 * language wins when its script fits the text; CJK text and the nine original languages keep the
 * classifier's own choice (lexicon null), so their results are unchanged.
 */
export function identifyLanguage(c: CompiledRules, input: ClassifierInput, text: string): LanguageId {
  if (last && last.input === input) return last.id;
  const id = identify(c, input, text);
  last = { input, id };
  return id;
}

/** Lead in points a read language needs over the rest to overrule an added language's declaration. */
const DECLARED_OVERRIDE_MARGIN = 3;

/** Points an unread language needs, and its lead over the best read one, before we say we cannot read it. */
const UNSUPPORTED_MIN_POINTS = 3;
const UNSUPPORTED_MIN_LEAD = 2;

/**
 * Declared languages read by a neighbour's lexicon in Latin script: Serbian (in Latin letters),
 * Bosnian and Montenegrin are written like Croatian (the same words, ekavian/ijekavian spellings that
 * hr.json writes both ways), and function words cannot tell them apart. Serbian in Cyrillic keeps
 * its own lexicon (sr.json).
 */
const LATIN_READ_AS: Record<string, string> = { sr: 'hr', bs: 'hr', cnr: 'hr', sh: 'hr' };

function identify(c: CompiledRules, input: ClassifierInput, text: string): LanguageId {
  let declared = normLang(input.language) ?? normLang(input.feed?.language);
  if (declared && LATIN_READ_AS[declared] && sampleScript(text) === 'latin') declared = LATIN_READ_AS[declared] as string;
  // One of the nine declared in a script that fits: their own rules decide; no need to guess.
  if (declared && LEGACY.has(declared)) {
    const script = sampleScript(text);
    if (script === 'cjk' || scriptOfLanguage(declared) === script) return { language: declared, lexicon: null, supported: true };
  }
  const guess = readable(c, guessLanguage(text));
  const has = (code: string) => c.lexicons.has(code);
  if (guess.script === 'cjk') return { language: declared ?? 'und', lexicon: null, supported: true };
  if (declared && scriptOfLanguage(declared) === guess.script) {
    if (LEGACY.has(declared)) return { language: declared, lexicon: null, supported: true };
    // A feed of an added language carrying an item plainly in another read language (an English
    // wire story in a Polish Google News edition): the text wins over the feed's label.
    if (guess.language !== declared && guess.margin >= DECLARED_OVERRIDE_MARGIN && (LEGACY.has(guess.language) || has(guess.language))) {
      return { language: guess.language, lexicon: has(guess.language) ? guess.language : null, supported: true };
    }
    if (has(declared)) return { language: declared, lexicon: declared, supported: true };
    // A declared language without a lexicon: read with the closest one, but say so. The declared
    // language's neighbour first: a Malay item whose text guesses as Indonesian (the two share most
    // words) is read with the Indonesian lexicon, not with none.
    return { language: declared, lexicon: closestTo(c, declared) ?? closestTo(c, guess.language), supported: false };
  }
  if (guess.language === 'und' || LEGACY.has(guess.language) || !guess.script) {
    // Nothing speaks, or one of the nine: the classifier's stopword guess (English by default)…
    const language = guess.language === 'und' ? (declared ?? 'und') : guess.language;
    if (!declared || LEGACY.has(declared) || !has(declared)) return { language, lexicon: null, supported: true };
    // …but not a declared lexicon whose script the text is not written in.
    return { language, lexicon: has(guess.language) ? guess.language : (has('en') ? 'en' : null), supported: true };
  }
  if (has(guess.language)) return { language: guess.language, lexicon: guess.language, supported: true };
  return { language: guess.language, lexicon: closestTo(c, guess.language), supported: false };
}

/**
 * A language without a lexicon wins only on clear evidence: close neighbours share function words
 * (Catalan and Spanish, Croatian and Czech), and a Spanish headline must not be called unread.
 */
function readable(c: CompiledRules, guess: LanguageGuess): LanguageGuess {
  if (!guess.ranked || LEGACY.has(guess.language)) return guess;
  const top = guess.ranked[0]?.[1] ?? 0;
  // One of the nine close behind: their own rules decide, as they always did.
  const nine = guess.ranked.find(([code]) => LEGACY.has(code));
  if (nine && nine[1] > 0 && top - nine[1] < 1) return { ...guess, language: nine[0], margin: nine[1] };
  if (c.lexicons.has(guess.language)) return guess;
  const read = guess.ranked.find(([code]) => LEGACY.has(code) || c.lexicons.has(code));
  if (!read || read[1] <= 0) return guess;
  if (top >= UNSUPPORTED_MIN_POINTS && top - read[1] >= UNSUPPORTED_MIN_LEAD) return guess;
  return { ...guess, language: read[0], margin: read[1] };
}

/** Closest lexicon for a language we do not read: one of its script, else the classifier's choice. */
const CLOSEST: Record<string, string> = { ms: 'id', tl: 'id', be: 'ru', kk: 'ru', fa: 'ar', ur: 'ar', mr: 'hi', ne: 'hi', az: 'tr' };

function closestTo(c: CompiledRules, language: string): string | null {
  const near = CLOSEST[language];
  return near && c.lexicons.has(near) ? near : null;
}

/** Below this a classification in a language banwatch does not read claims nothing. */
const UNSUPPORTED_RELEVANT_CAP = 0.6;
const UNSUPPORTED_IRRELEVANT_CAP = 0.35;
/** An unreadable script where no vendor was seen: vendor names in that script are not known to us. */
const UNREADABLE_NO_VENDOR = 0.6;

/**
 * Honest confidence outside what the classifier reads: an item in a language without a lexicon that
 * names a watched vendor is never "not relevant, 0.97" — it gets a low confidence and
 * `language_supported: false`, so the event layer can surface it for review instead of dropping it.
 */
export function withLanguageSupport(c: CompiledRules, input: ClassifierInput, out: Classification): Classification {
  if (out.rules?.includes('no-vendor')) {
    // Cheap path (most items): only a script no lexicon reads makes "no vendor here" unsure. The raw
    // text is enough to count letters by script (markup is ASCII).
    const raw = `${String(input.title ?? '').slice(0, LANG_SAMPLE)} ${input.summary ? String(input.summary).slice(0, LANG_SAMPLE) : ''}`;
    const script = dominantScriptOf(raw, raw.length);
    if (!script || script === 'latin' || script === 'cjk' || readsScript(c, script)) return out;
    return { ...out, confidence: Math.min(out.confidence, UNREADABLE_NO_VENDOR), language_supported: false };
  }
  const id = last?.input === input ? last.id : identifyLanguage(c, input, plainText(input));
  if (id.supported) return out;
  const cap = out.relevant ? UNSUPPORTED_RELEVANT_CAP : UNSUPPORTED_IRRELEVANT_CAP;
  return { ...out, confidence: Math.min(out.confidence, cap), language_supported: false, rules: [...(out.rules ?? []), `lang.unsupported.${id.language}`] };
}

function plainText(input: ClassifierInput): string {
  const title = htmlToText(String(input.title ?? '').slice(0, LANG_SAMPLE * 4));
  return input.summary ? `${title}\n${htmlToText(String(input.summary).slice(0, LANG_SAMPLE * 4))}` : title;
}

function readsScript(c: CompiledRules, script: Script): boolean {
  for (const code of c.lexicons.keys()) if (scriptOfLanguage(code) === script) return true;
  return false;
}
