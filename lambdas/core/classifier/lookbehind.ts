/**
 * A regex source rewrite that keeps every match and makes the regex faster to run: an alternative
 * that opens with a lookbehind, `(?<!X)H…` or `(?<=X)H…`, becomes `H(?<!XH)…` / `H(?<=XH)…`.
 *
 * Why: in a whole-text alternation (an ungated part, `(?:(cue1)|(cue2)|…)` run over the text) V8
 * runs such a lookbehind, with its variable-length backward scan, at every start position before it
 * looks at H, and an alternative whose first character it cannot tell also turns off its
 * first-character skip for the whole alternation. With H first, the lookbehind only runs where H
 * has matched.
 *
 * Why the matches stay the same: a lookbehind consumes nothing, so `(?<!X)` at the start p of H is
 * the same test as `(?<!XH)` at the end of H's match, provided the lookbehind's own H (matched
 * backwards from that end) can only match the characters H just matched, i.e. spans back to p:
 * - H is a run of atoms that each match exactly one character (literal characters, escapes such
 *   as \\. or \\S, character classes, `.`), with no quantifier: any match of it has H's length;
 * - or H is a non-capturing group of such runs, none followed by a quantifier, where alternatives
 *   of different lengths are not (case-insensitively) a suffix of one another: a text that ends
 *   with one of them ends with no other of another length.
 * The paths the matcher tries come in the same order (the lookbehind's answer does not depend on
 * which alternative of H matched), so the first match, and so each group's capture, is the same.
 * Otherwise, when H is a non-capturing group whose every alternative opens with such a run, the
 * lookbehind is moved into each alternative (`(?<!X)(?:A|B)` = `(?:(?<!X)A|(?<!X)B)`, exact for an
 * assertion) and then past each one's run. Anything else is left as written.
 *
 * Identical alternatives of one group ("拟|拟", as Traditional-to-Simplified folding makes) are
 * dropped on the way: a repeated alternative retries a path that has already failed (patterns have
 * no capturing groups of their own, so nothing differs between the two tries).
 */
import { alternatives, classEnd, closeOf, quantifierAt } from './regex-source.js';

/** Escapes (after `\`) that match one character: classes, control and code escapes, escaped punctuation. */
const ONE_CHAR_ESCAPE = /^(?:[dDwWsStnrfv0]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|p\{[^}]*\}|P\{[^}]*\}|[^A-Za-z0-9])/;

/** The length of an atom at `i` that matches exactly one character, 0 when there is none there. */
function oneCharAtom(s: string, i: number): number {
  const c = s[i];
  if (c === undefined) return 0;
  if (c === '\\') {
    const m = ONE_CHAR_ESCAPE.exec(s.slice(i + 1));
    return m ? 1 + m[0].length : 0;
  }
  if (c === '[') return classEnd(s, i) - i;
  if ('()|^$*+?{'.includes(c)) return 0;
  // `}` and `]` alone are literals outside the "u" flag; everything else here is one character.
  return 1;
}

/** The longest run of unquantified one-character atoms at the start of `s` (its source length). */
function oneCharRun(s: string): number {
  let i = 0;
  for (;;) {
    const n = oneCharAtom(s, i);
    if (n === 0 || quantifierAt(s, i + n) > 0) return i;
    i += n;
  }
}

/** The text a run of plain literal characters matches, or null when the run has a class or escape. */
function plainText(run: string): string | null {
  return /^[^\\[.]*$/.test(run) ? run : null;
}

/**
 * A string as an "i" regex without the "u" flag compares it: each character by its upper case when
 * that is one character and not ASCII for a non-ASCII one (ECMA-262 Canonicalize).
 */
function canonical(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += up.length === 1 && !(ch.charCodeAt(0) >= 128 && up.charCodeAt(0) < 128) ? up : ch;
  }
  return out;
}

/** The number of one-character atoms of a run. */
function runLength(a: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i += oneCharAtom(a, i)) n++;
  return n;
}

/**
 * A growing group of one-character runs that matches, at the end of any text, with alternatives
 * of one length only: all its alternatives have one length, or they are plain literals none of
 * which ends with another of another length (compared in both cases: the rewrite must also hold
 * under "i").
 *
 * Checked one added alternative at a time (speed15): the group already holds, so only the pairs
 * with the new alternative are compared. Asking the whole group again at every alternative was
 * quadratic in a group's size, cubic with its pairs: ~30 ms of a cold first pass, on the few
 * ungated parts with a long word list after a lookbehind. The answers are the same.
 */
class EndGroup {
  alts: string[] = [];
  private lens: number[] = [];
  /** Lower-cased and canonical forms of each alternative, null for one that is not a plain literal. */
  private forms: Array<readonly [string, string] | null> = [];
  private allPlain = true;

  /** Whether the group with `a` added still matches with one length at a text's end. */
  fits(a: string): boolean {
    const n = runLength(a);
    if (this.lens.every((m) => m === n)) return true;
    if (!this.allPlain) return false;
    const p = plainText(a);
    if (p === null) return false;
    const al = p.toLowerCase();
    const au = canonical(p);
    // The group holds: among its own alternatives either all have one length (nothing to compare)
    // or every pair of different lengths was compared when the later one was added.
    for (let b = 0; b < this.alts.length; b++) {
      if (this.lens[b] === n) continue;
      const [bl, bu] = this.forms[b] as readonly [string, string];
      if (al.endsWith(bl) || au.endsWith(bu) || bl.endsWith(al) || bu.endsWith(au)) return false;
    }
    return true;
  }

  add(a: string): void {
    const p = plainText(a);
    this.alts.push(a);
    this.lens.push(runLength(a));
    this.forms.push(p === null ? null : [p.toLowerCase(), canonical(p)]);
    if (p === null) this.allPlain = false;
  }
}

/** Group openers whose body is rewritten (lookaround bodies are left alone: they match backwards or only assert). */
function rewritableGroup(s: string, i: number): number {
  if (s[i] !== '(') return 0;
  if (s.startsWith('(?:', i)) return 3;
  if (s[i + 1] !== '?') return 1;
  return 0;
}

/**
 * One alternative with its groups rewritten, then its opening lookbehind moved when it can be.
 * Only a rewritable group's body changes: what lies between is copied a run at a time, not one
 * string concatenation per character (~250 kB of sources in a first pass: speed15).
 */
function rewriteAlternative(alt: string): string {
  let out = '';
  // The start of what is not yet copied.
  let from = 0;
  for (let i = 0; i < alt.length; i++) {
    const c = alt.charCodeAt(i);
    if (c === 0x5c) i++; // "\": the escaped character is copied with the run
    else if (c === 0x5b) i = classEnd(alt, i) - 1; // "[": a class, copied with the run
    else if (c === 0x28) {
      // "("
      const close = closeOf(alt, i);
      const open = rewritableGroup(alt, i);
      // A lookaround (or an unbalanced group, which the regex constructor reports): kept verbatim.
      if (close < 0 || open === 0) i = (close < 0 ? alt.length : close + 1) - 1;
      else {
        out += alt.slice(from, i + open) + rewriteBody(alt.slice(i + open, close)) + ')';
        from = close + 1;
        i = close;
      }
    }
  }
  return moveLookbehind(from === 0 ? alt : out + alt.slice(from));
}

/**
 * `(?<!X)H…` as `H(?<!XH)…` when H allows it (see the module comment), else as given.
 * Consecutive leading lookbehinds, `(?<!X)(?<=Y)H…`, move past H together (speed20): each is
 * evaluated where the first was, an assertion consumes and captures nothing, so which runs first
 * changes no match. An optional group as the head, `(?<!X)(?:A)?R`, is tried as `(?:(?<!X)AR|(?<!X)R)`:
 * a greedy `?` tries A (and then R) before R alone, the order those alternatives are tried in.
 */
function moveLookbehind(alt: string): string {
  if (!alt.startsWith('(?<!') && !alt.startsWith('(?<=')) return alt;
  // The leading lookbehinds: kind ("(?<!" or "(?<=") and body of each, in order.
  const looks: Array<readonly [string, string]> = [];
  let rest = alt;
  while (rest.startsWith('(?<!') || rest.startsWith('(?<=')) {
    const close = closeOf(rest, 0);
    if (close < 0) return alt;
    looks.push([rest.slice(0, 4), rest.slice(4, close)]);
    rest = rest.slice(close + 1);
  }
  const lead = alt.slice(0, alt.length - rest.length);
  // The lookbehinds as they read after a head h that they now end with.
  const behind = (h: string): string => looks.map(([kind, x]) => `${kind}(?:${x})${h})`).join('');
  const run = oneCharRun(rest);
  if (run > 0) {
    const h = rest.slice(0, run);
    return `${h}${behind(h)}${rest.slice(run)}`;
  }
  if (!rest.startsWith('(?:')) return alt;
  const gClose = closeOf(rest, 0);
  if (gClose < 0) return alt;
  const q = quantifierAt(rest, gClose + 1);
  if (q === 1 && rest[gClose + 1] === '?') {
    // A greedy optional group first: its two paths as two alternatives, each with the lookbehinds.
    const r = rest.slice(gClose + 2);
    const withA = moveLookbehind(`${lead}${rest.slice(3, gClose).includes('|') ? rest.slice(0, gClose + 1) : rest.slice(3, gClose)}${r}`);
    const without = moveLookbehind(`${lead}${r}`);
    if (withA.startsWith('(?<') || without.startsWith('(?<')) return alt;
    return `(?:${withA}|${without})`;
  }
  if (q > 0) return alt;
  const g = rest.slice(0, gClose + 1);
  const after = rest.slice(gClose + 1);
  const alts = alternatives(rest.slice(3, gClose));
  // Consecutive alternatives that are whole one-character runs share one lookbehind while they
  // match with one length at a text's end (EndGroup); any other alternative gets its own. The
  // order of the alternatives is kept, so `(?<!X)(?:A|B|C)` = `(?:(?<!X)(?:A|B)|(?<!X)C)` = ….
  const pieces: string[] = [];
  let eg = new EndGroup();
  const flush = (): void => {
    const group = eg.alts;
    if (group.length === 1) pieces.push(`${group[0]}${behind(group[0] as string)}`);
    else if (group.length) pieces.push(`(?:${group.join('|')})${behind(`(?:${group.join('|')})`)}`);
    eg = new EndGroup();
  };
  for (const a of alts) {
    if (a.length > 0 && oneCharRun(a) === a.length) {
      if (!eg.fits(a)) flush();
      eg.add(a);
      continue;
    }
    flush();
    const moved = moveLookbehind(`${lead}${a}`);
    // An alternative that keeps its lookbehind in front would keep the alternation's cost: as written.
    if (moved.startsWith('(?<')) return alt;
    pieces.push(moved);
  }
  flush();
  // Each piece is a sequence (no top-level "|"): one needs no group around it.
  return pieces.length === 1 ? `${pieces[0]}${after}` : `(?:${pieces.join('|')})${after}`;
}

/** Whether an alternative holds a capturing group (whose number a dropped copy would shift). */
function hasCapture(alt: string): boolean {
  for (let i = 0; i < alt.length; i++) {
    const c = alt[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(alt, i) - 1;
    else if (c === '(' && (alt[i + 1] !== '?' || (alt[i + 2] === '<' && alt[i + 3] !== '=' && alt[i + 3] !== '!'))) return true;
  }
  return false;
}

/** A group body (or a whole source) with repeated capture-free alternatives dropped and each alternative rewritten. */
function rewriteBody(body: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const alt of alternatives(body)) {
    if (seen.has(alt) && !hasCapture(alt)) continue;
    seen.add(alt);
    kept.push(rewriteAlternative(alt));
  }
  return kept.join('|');
}

/**
 * The source of a regex with the same matches (start, length, and which capturing group matched)
 * whose alternatives no longer open with a lookbehind where it can be moved past a fixed-length
 * head, and with repeated alternatives dropped (see the module comment).
 */
export function openLookbehinds(src: string): string {
  if (!src.includes('(?<') && !src.includes('|')) return src;
  return rewriteBody(src);
}
