/**
 * Vendor-ban classifier: multilingual, rule-based, explainable. Pure: no I/O at call time, no clock.
 *
 *   classify(item)                       with the bundled rules
 *   createClassifier(rules)(item)        with loaded or extended rules (compiled once)
 *   loadDefaultRules()                   the bundled rules as data, to extend
 */
import type { Classification, ClassifierInput } from '../model.js';
import { classifyCompiled } from './classify.js';
import { compileRules } from './compile.js';
import { withLanguageSupport } from './langid.js';
import { bundledRules } from './rules/index.js';
import type { Rules } from './types.js';

export type ClassifyFn = (input: ClassifierInput) => Classification;

/**
 * Compiles the rules once (regexes, vendor tables) and returns the classify function over them.
 * Rules given here are validated pattern by pattern; the bundled ones (no argument) are validated
 * by the test suite, not at every cold start.
 */
export function createClassifier(rules?: Rules): ClassifyFn {
  // The bundled rules uncopied: compiling only reads them (loadDefaultRules() gives callers a copy to extend).
  const compiled = rules ? compileRules(rules) : compileRules(bundledRules(), { validate: false });
  // withLanguageSupport: honest confidence for items in languages or scripts no lexicon reads (langid.ts).
  return (input: ClassifierInput) => withLanguageSupport(compiled, input, classifyCompiled(compiled, input));
}

let defaultClassifier: ClassifyFn | null = null;

/** Classifies one item with the bundled default rules (compiled on first use). */
export function classify(input: ClassifierInput): Classification {
  defaultClassifier ??= createClassifier();
  return defaultClassifier(input);
}

export { loadDefaultRules } from './rules/index.js';
export { compileRules, RuleError } from './compile.js';
export type { Cue, Lexicon, Rules, Tuning, VendorMeta, VendorPattern, VendorTable } from './types.js';
