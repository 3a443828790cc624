/**
 * Headline-only items (the Google News shape, no lead): a restriction verb in its passive form
 * (Cue.passive: "is banned", "to be barred from", "interdits d'installer", "prohibido en") has the
 * vendor before it as its object, and names no organisation acting on its own staff, so an official
 * scope ("parliamentary computers", "agents publics") does not need its state named in the headline:
 * the lead would have named it. An organisation's own ban in the active voice still does (see
 * headline-priors.test.ts, NOT_ALONE). The headlines are written for these rows, not copied from the
 * labelled fixtures.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { google } from './helpers.js';

// [language, headline, measure]
const PASSIVE_SCOPE: Array<[string, string, Measure]> = [
  ['en', 'DeepSeek to be barred from all parliamentary computers', 'device_ban'],
  ['fr', 'Les agents publics interdits d’installer WeChat', 'device_ban'],
  ['es', 'TikTok prohibido en los móviles de los funcionarios', 'device_ban'],
];

// [language, headline, stage]: a passive form with the vendor before it, in a headline that names
// its state: the vendor is still the object (the scope's own ban)
const PASSIVE_STATE: Array<[string, string, Stage]> = [
  ['en', 'WeChat barred from Estonian ministry laptops', 'in_force'],
];

describe('classifier', () => {
  describe('classify: passive restriction in a headline without a lead', () => {
    it.each(PASSIVE_SCOPE)('[%s] reads "%s" as a %s', (language, headline, measure) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.rules).toContain('headline.stands-alone');
    });

    it.each(PASSIVE_STATE)('[%s] reads "%s" as %s', (language, headline, stage) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});
