/**
 * Serbian in Cyrillic letters (rules/lang/sr.json) from the Croatian/Serbian Latin lexicon
 * (rules/lang/hr.json): Serbian is written in both alphabets with the same words, and Latin →
 * Cyrillic is a letter-for-letter mapping (lj → љ, nj → њ, dž → џ). Every cue of hr.json but its
 * country names is transliterated (regex syntax — \p{L}, \S, (?:…), (?!…) — is kept as it is); the
 * country names come from gen-lang-countries.ts (sr). Run after editing hr.json:
 *   npx tsx scripts/gen-sr-cyrillic.ts && npm run pack:langs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alternatives } from '../lambdas/core/classifier/regex-source.js';

const LANG = fileURLToPath(new URL('../lambdas/core/classifier/rules/lang/', import.meta.url));

const PAIRS: Array<[string, string]> = [
  ['lj', 'љ'], ['nj', 'њ'], ['dž', 'џ'], ['Lj', 'Љ'], ['Nj', 'Њ'], ['Dž', 'Џ'], ['LJ', 'Љ'], ['NJ', 'Њ'], ['DŽ', 'Џ'],
];
const SINGLE: Record<string, string> = Object.fromEntries(
  [...'abvgdđežzijklmnoprstćufhcčšABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ'].map((ch, i) => [ch, [...'абвгдђежзијклмнопрстћуфхцчшАБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ'][i] as string]),
);

/** Transliterates the letters of a regex source, leaving escapes, \p{…} classes and group syntax alone. */
export function toCyrillic(src: string): string {
  let out = '';
  for (let i = 0; i < src.length;) {
    const ch = src[i] as string;
    if (ch === '\\') {
      const end = src[i + 1] === 'p' || src[i + 1] === 'P' ? src.indexOf('}', i) + 1 : i + 2;
      out += src.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '(' && src[i + 1] === '?') {
      // (?: (?= (?! (?<= (?<!
      const m = /^\(\?(?::|=|!|<=|<!)/.exec(src.slice(i));
      const len = m ? m[0].length : 2;
      out += src.slice(i, i + len);
      i += len;
      continue;
    }
    const pair = PAIRS.find(([lat]) => src.startsWith(lat, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
      continue;
    }
    out += SINGLE[ch] ?? ch;
    i++;
  }
  return out;
}

interface Cue { id: string; pattern: string; countryMap?: Record<string, string>; [k: string]: unknown }
const hr = JSON.parse(readFileSync(`${LANG}hr.json`, 'utf8')) as { cues: Cue[] };
const sr = JSON.parse(readFileSync(`${LANG}sr.json`, 'utf8')) as { cues: Cue[] };
const names = sr.cues.filter((c) => c.id === 'sr.country.names');
/** The pattern in Cyrillic, without the alternatives only Latin spelling has (Washington, Bruxelles). */
function cyrillicPattern(src: string): string {
  return alternatives(src).filter((alt) => !/[wqxy]/i.test(alt.replace(/\\[a-zA-Z](?:\{[^}]*\})?/g, ''))).map(toCyrillic).join('|');
}

const cues = hr.cues.filter((c) => c.id !== 'hr.country.names').map((c) => {
  const out: Cue = { ...c, id: c.id.replace(/^hr\./, 'sr.'), pattern: cyrillicPattern(c.pattern) };
  if (c.countryMap) out.countryMap = Object.fromEntries(Object.entries(c.countryMap).map(([k, v]) => [k, toCyrillic(v)]));
  return out;
});
const lexicon = { language: 'sr', script: 'cyrillic', defaultCountry: 'RS', cues: [...cues, ...names] };
writeFileSync(`${LANG}sr.json`, `{\n "language": "sr",\n "script": "cyrillic",\n "defaultCountry": "RS",\n "cues": [\n${lexicon.cues.map((c) => `  ${JSON.stringify(c)}`).join(',\n')}\n ]\n}\n`);
process.stdout.write(`wrote sr.json: ${lexicon.cues.length} cues\n`);
