/**
 * The bundled default rules. Static JSON imports: they work under tsx, vitest and esbuild, and
 * bundle into the Lambda without file reads at runtime. The lexicons, the country names and the vendor patterns ship packed (langs.ts): adding
 * a language is adding its lexicon file, its code in scripts/pack-langs.ts and `npm run pack:langs`; adding a vendor is an edit of vendors.json only.
 */
import type { Lexicon, Rules, Tuning, VendorMeta, VendorTable } from '../types.js';
import { COUNTRY_NAMES, LEXICONS as PACKED, VENDOR_PATTERNS } from './langs.js';
import tuning from './tuning.json' with { type: 'json' };
import vendorMeta from './vendor-meta.json' with { type: 'json' };
import vendors from './vendors.json' with { type: 'json' };

const LEXICONS = PACKED as Record<string, Lexicon>;

/**
 * The default rules themselves, not a copy: for createClassifier() only, which compiles them
 * without changing them (compileRules and the classifier only read rules). Saves the ~9 ms
 * structured clone of every table, and its garbage, at each cold start (speed12).
 */
export function bundledRules(): Rules {
  return {
    vendors: vendors as VendorTable,
    vendorMeta: vendorMeta as Record<string, VendorMeta>,
    lexicons: LEXICONS,
    vendorPatterns: VENDOR_PATTERNS,
    countryNames: COUNTRY_NAMES,
    tuning: tuning as Tuning,
  };
}

/** A fresh copy of the default rules, safe to extend (add vendors, aliases, cues) before compiling. */
export function loadDefaultRules(): Rules {
  return structuredClone(bundledRules());
}
