/**
 * Every lexicon: the first nine languages (en fr de es it pt ja zh ko), the language-independent
 * one (xx), and the languages added after them (issue 12): the Nordic and Baltic languages, Dutch,
 * the Slavic languages of Central and Eastern Europe, Romanian, Hungarian, Greek, Turkish, Arabic,
 * Hebrew, Vietnamese, Indonesian, Thai and Hindi. Language identification (which lexicon reads an
 * item) is langid.ts.
 *
 * The sources are rules/lang/<code>.json; they ship packed (langs.packed.ts, written by
 * `npm run pack:langs`) because as object literals they would take almost half of the poll
 * bundle's 1 MB budget; so does the country-name table. Unpacking costs a few milliseconds when
 * the rules module first loads.
 */
import { unpackJson as unpack } from '../../packed.js';
import type { Lexicon, VendorPattern } from '../types.js';
import { PACKED_COUNTRY_NAMES, PACKED_LEXICONS, PACKED_VENDOR_PATTERNS } from './langs.packed.js';

export const LEXICONS = unpack(PACKED_LEXICONS) as Record<string, Lexicon>;

/** rules/country-names.json (country names per language), packed for the same reason. */
export const COUNTRY_NAMES = unpack(PACKED_COUNTRY_NAMES) as Record<string, Record<string, string[]>>;

/** rules/vendor-patterns.json (wording around a vendor name, every language), packed for the same reason. */
export const VENDOR_PATTERNS = unpack(PACKED_VENDOR_PATTERNS) as VendorPattern[];
