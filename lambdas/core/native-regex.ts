/**
 * Regexes compiled straight to machine code (speed8 in compile.ts; shared since speed18). V8
 * compiles a regex first to bytecode and to machine code on a later run, and counts both in a
 * per-process total that is never decremented; past 1 MB (kRegExpCompiledLimit) every regex
 * compiled after is built without the matcher's optimisations (15–30× slower). A regex's
 * bytecode counts its full size (a case-insensitive or two-byte \p{L} class alone is ~10–20 KB of
 * it; a ~5,000-character alternation ~76 KB), its machine code only a fixed 88-byte header (what
 * V8 11's --trace-regexp-tier-up prints and adds to the total). A regex that has once run on a
 * subject of 1,000+ characters skips the bytecode tier for good, for every string width it meets.
 *
 * Every cue-set regex of compile.ts is built this way: its ~2,000 lazily built regexes made ~9 MB of
 * bytecode in one bench pass, so the regexes of the languages met last ran without the matcher's
 * optimisations (first-character and Boyer-Moore skips, quick checks), ~15× slower; as machine code
 * alone all of them take ~0.35 MB.
 */

/** A text of 1,024 characters no pattern can spend long on: runs of one character between spaces. */
const LONG_TEXT = '\u0001 '.repeat(512);
/** The same in two-byte form: a symbol outside Latin-1 (U+2400, no letter, space or CJK) makes V8 store it so. */
const LONG_TEXT_WIDE = '\u2400 '.repeat(512);

/**
 * The regex after one test() on a 1,024-character text (outcome dropped, lastIndex reset): V8
 * compiles it to machine code for that width now, and for the other width, when met, straight to
 * machine code too. `wide`: warm it for two-byte text (the width it meets first or most): V8
 * compiles a regex once per width it meets, and a regex built for CJK, Cyrillic or Greek text (or
 * Latin text with a dash or a curly quote) would otherwise be compiled twice, once for the one-byte
 * warm-up text it never meets again.
 */
export function nativeRegExp<R extends RegExp>(re: R, wide = false): R {
  re.lastIndex = 0;
  re.test(wide ? LONG_TEXT_WIDE : LONG_TEXT);
  re.lastIndex = 0;
  return re;
}

/**
 * A regex built and compiled to machine code on first use (nativeRegExp): `const re = lazyNative(() => /…/u)`,
 * then `re()` where the regex is used. Lazy so that importing a module does no regex work. A
 * function-local regex literal with \p{…} is no shared constant either: esbuild (tsx, the Lambda
 * bundles) writes it as `new RegExp(…)`, a new object per call.
 */
export function lazyNative(make: () => RegExp, wide = false): () => RegExp {
  let re: RegExp | null = null;
  return () => (re ??= nativeRegExp(make(), wide));
}
