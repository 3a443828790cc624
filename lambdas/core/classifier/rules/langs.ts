/**
 * The lexicons of the languages added after the first nine (issue 12): the Nordic and Baltic
 * languages, Dutch, the Slavic languages of Central and Eastern Europe, Romanian, Hungarian, Greek,
 * Turkish, Arabic, Hebrew, Vietnamese, Indonesian, Thai and Hindi. Kept apart from index.ts so that
 * adding or removing one of them touches this file only. Language identification (which lexicon
 * reads an item) is langid.ts.
 *
 * The sources are rules/lang/<code>.json; they ship packed (langs.packed.ts, written by
 * scripts/pack-langs.ts) because as object literals they would take a sixth of the poll bundle's
 * 1 MB budget. Unpacking costs about a millisecond when the rules module first loads.
 */
import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import type { Lexicon } from '../types.js';
import { PACKED_LEXICONS } from './langs.packed.js';

export const ADDED_LEXICONS = JSON.parse(gunzipSync(Buffer.from(PACKED_LEXICONS, 'base64')).toString('utf8')) as Record<string, Lexicon>;
