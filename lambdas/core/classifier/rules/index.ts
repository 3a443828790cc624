/**
 * The bundled default rules. Static JSON imports: they work under tsx, vitest and esbuild, and
 * bundle into the Lambda without file reads at runtime. Adding a language is adding its lexicon
 * file here; adding a vendor is an edit of vendors.json only.
 */
import type { Lexicon, Rules, Tuning, VendorMeta, VendorPattern, VendorTable } from '../types.js';
import countryNames from './country-names.json' with { type: 'json' };
import { ADDED_LEXICONS } from './langs.js';
import de from './lang/de.json' with { type: 'json' };
import en from './lang/en.json' with { type: 'json' };
import es from './lang/es.json' with { type: 'json' };
import fr from './lang/fr.json' with { type: 'json' };
import it from './lang/it.json' with { type: 'json' };
import ja from './lang/ja.json' with { type: 'json' };
import ko from './lang/ko.json' with { type: 'json' };
import pt from './lang/pt.json' with { type: 'json' };
import xx from './lang/xx.json' with { type: 'json' };
import zh from './lang/zh.json' with { type: 'json' };
import tuning from './tuning.json' with { type: 'json' };
import vendorMeta from './vendor-meta.json' with { type: 'json' };
import vendorPatterns from './vendor-patterns.json' with { type: 'json' };
import vendors from './vendors.json' with { type: 'json' };

const LEXICONS = { xx, en, fr, de, es, it, pt, ja, zh, ko, ...ADDED_LEXICONS } as unknown as Record<string, Lexicon>;

/** A fresh copy of the default rules, safe to extend (add vendors, aliases, cues) before compiling. */
export function loadDefaultRules(): Rules {
  return structuredClone({
    vendors: vendors as VendorTable,
    vendorMeta: vendorMeta as Record<string, VendorMeta>,
    lexicons: LEXICONS,
    vendorPatterns: vendorPatterns as VendorPattern[],
    countryNames: countryNames as Record<string, Record<string, string[]>>,
    tuning: tuning as Tuning,
  });
}
