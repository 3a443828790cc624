/**
 * Scanners of regex sources (the lexicons' patterns), shared by the rule compiler (compile.ts) and
 * the lookbehind rewrite (lookbehind.ts): where a group or a character class ends, the top-level
 * alternatives of a body, the length of a quantifier. They follow JavaScript's reading (escapes,
 * a `]` right after `[` or `[^`), not PCRE's.
 */

/** The index of the `)` closing the group opened at `open`, or -1. */
export function closeOf(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(s, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The index just past the character class opened at `open` (`[` … `]`, escapes and a leading `]` or `^]` handled as V8 does). */
export function classEnd(s: string, open: number): number {
  let i = open + 1;
  if (s[i] === '^') i++;
  // In JavaScript a `]` right after `[` or `[^` closes the class ("[]" matches nothing), unlike PCRE.
  for (; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i + 1;
  }
  return s.length;
}

/** The top-level alternatives of a group body. */
export function alternatives(s: string): string[] {
  const bounds = alternativeBounds(s, 0, s.length);
  const out: string[] = [];
  for (let k = 0; k < bounds.length; k += 2) out.push(s.slice(bounds[k], bounds[k + 1]));
  return out;
}

/** The length of a quantifier at `i` (`?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`, each maybe lazy), 0 when none. */
export function quantifierAt(s: string, i: number): number {
  const c = s[i];
  let n = 0;
  if (c === '?' || c === '*' || c === '+') n = 1;
  else if (c === '{') {
    const m = /^\{\d+(?:,\d*)?\}/.exec(s.slice(i));
    if (!m) return 0;
    n = m[0].length;
  } else return 0;
  return s[i + n] === '?' ? n + 1 : n;
}

/**
 * The top-level alternatives of the group body s[from, to), as offsets: start and end of each in
 * turn (what alternatives(s.slice(from, to)) gives as strings, without the strings). A class that
 * opens inside the body closes inside it.
 */
export function alternativeBounds(s: string, from: number, to: number): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(s, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(from, i);
      from = i + 1;
    }
  }
  out.push(from, to);
  return out;
}
