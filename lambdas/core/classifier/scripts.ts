/**
 * Scripts beyond Latin, Greek, Cyrillic and CJK, for the cue matcher (compile.ts).
 *
 * Arabic and Hebrew attach clitics to the front of a word (و/ب/ل/ال, ו/ה/ב/ל/ש: "وهواوي", "לטיקטוק"),
 * Thai writes no spaces between words, and Devanagari vowel signs are combining marks: none of them
 * fits the word-boundary matching of alphabetic scripts. Their cues are tried at every letter, like
 * CJK ones; Arabic, Hebrew and Devanagari literals must still end where the word ends, so that a
 * short name is not found inside a longer word (אפל "Apple" in אפליקציה "application").
 */

/** A letter (or mark) of Arabic, Hebrew, Thai or Devanagari: a position where cues are tried. */
export function isUnspacedScriptUnit(c: number): boolean {
  return (c >= 0x590 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0x900 && c <= 0x97f) || (c >= 0xe00 && c <= 0xe7f) ||
    (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

/** A letter of a script whose words end at a space (Arabic, Hebrew, Devanagari), not Thai. */
export function isSpacedNonAlphabeticLetter(c: number): boolean {
  return (c >= 0x5d0 && c <= 0x5ea) || (c >= 0x620 && c <= 0x64a) || (c >= 0x64b && c <= 0x65f) || (c >= 0x66e && c <= 0x6d3) ||
    (c >= 0x750 && c <= 0x77f) || (c >= 0x900 && c <= 0x963) || (c >= 0x971 && c <= 0x97f);
}
