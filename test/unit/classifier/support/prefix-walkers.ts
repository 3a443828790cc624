/**
 * The prefix walkers as they were before speed16 (compile.ts at main, 8b8fae2): each group
 * alternative walked as the string `alt + rest`, the pattern's head sliced off atom by atom. Kept
 * for compile.test.ts, which checks that the walkers that move an offset instead give the same
 * answers. They read a pattern's head with compile.ts's own patternHead (what the offset walkers'
 * headAt answers in place), so the test compares the walks, not two copies of the head parser.
 * Not used by the classifier.
 */
import { alternatives } from '../../../../lambdas/core/classifier/regex-source.js';
import { patternHead, WS_CLASS } from '../../../../lambdas/core/classifier/compile.js';

const WORD_CHAR = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}_]';
const IS_WORD_CHAR = new RegExp(WORD_CHAR, 'u');
const isWordCharStr = (ch: string): boolean => IS_WORD_CHAR.test(ch);
const WS = `${WS_CLASS}+`;
const WS_OPT = `${WS_CLASS}*`;
const PREFIX_LEN = 2;
const MAX_PREFIXES = 400;
const KEY_LEN = 4;
const MAX_STARTS = 64;
const MAX_START_LEN = 16;

function wordKey(lower: string): string {
  return lower.length >= KEY_LEN ? lower.slice(0, KEY_LEN) : `=${lower}`;
}

function caselessOrAscii(c: number): boolean {
  return (c > 32 && c < 127) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

export function leadingPrefixes(pattern: string, len = PREFIX_LEN): string[] | null {
  const out = new Set<string>();
  const walk = (s: string, acc: string, budget: { n: number }): boolean => {
    if (--budget.n < 0) return false;
    if (acc.length >= len) {
      out.add(acc.slice(0, len).toLowerCase());
      return out.size <= MAX_PREFIXES;
    }
    if (s === '') return false;
    const head = patternHead(s);
    if (!head) return false;
    const { atoms, group, optional } = head;
    let rest = head.rest;
    if (optional && !walk(rest, acc, budget)) return false;
    if (group) {
      for (const alt of group) if (!walk(alt + rest, acc, budget)) return false;
      return true;
    }
    for (const a of atoms as string[]) if (!walk(rest, acc + (a === ' ' ? ' ' : a), budget)) return false;
    return true;
  };
  for (const alt of alternatives(pattern)) if (!walk(alt, '', { n: 5000 })) return null;
  return [...out];
}
export function firstWordKeys(pattern: string): string[] | null {
  const out = new Set<string>();
  const word = isWordCharStr;
  const walk = (s: string, acc: string, budget: { n: number }): boolean => {
    if (--budget.n < 0) return false;
    if (acc.length >= KEY_LEN) {
      out.add(wordKey(acc.toLowerCase()));
      return out.size <= MAX_PREFIXES;
    }
    // The pattern ends (its tail asserts a word end): the first word is complete.
    if (s === '') {
      if (!acc) return false;
      out.add(wordKey(acc.toLowerCase()));
      return out.size <= MAX_PREFIXES;
    }
    const head = patternHead(s);
    if (!head) return false;
    const { atoms, group, optional } = head;
    let rest = head.rest;
    if (optional && !walk(rest, acc, budget)) return false;
    if (group) {
      for (const alt of group) if (!walk(alt + rest, acc, budget)) return false;
      return true;
    }
    for (const a of atoms as string[]) {
      if (word(a)) {
        if (!walk(rest, acc + a, budget)) return false;
      } else {
        // A non-word character ends the first word (a match cannot start with one).
        if (!acc) return false;
        out.add(wordKey(acc.toLowerCase()));
        if (out.size > MAX_PREFIXES) return false;
      }
    }
    return true;
  };
  for (const alt of alternatives(pattern)) if (!walk(alt, '', { n: 5000 })) return null;
  return [...out];
}
export function startStrings(pattern: string): string[] | null {
  const src = pattern.split(WS).join(' ').split(WS_OPT).join(' ?');
  const out = new Set<string>();
  let known = true;
  const add = (acc: string): boolean => {
    if (!acc) known = false;
    else out.add(acc);
    return known && out.size <= MAX_STARTS;
  };
  const walk = (s: string, acc: string, budget: { n: number }): boolean => {
    if (--budget.n < 0) return false;
    if (acc.length >= MAX_START_LEN || s === '') return add(acc);
    const head = patternHead(s);
    if (!head) return add(acc);
    const { atoms, group, optional, rest } = head;
    if (optional && !walk(rest, acc, budget)) return false;
    if (group) {
      for (const alt of group) if (!walk(alt + rest, acc, budget)) return false;
      return true;
    }
    for (const a of atoms as string[]) {
      const c = a.charCodeAt(0);
      if (c !== 32 && !caselessOrAscii(c)) {
        if (!add(acc)) return false;
      } else if (!walk(rest, acc + a.toLowerCase(), budget)) return false;
    }
    return true;
  };
  for (const alt of alternatives(src)) if (!walk(alt, '', { n: 5000 })) return null;
  return known ? [...out] : null;
}