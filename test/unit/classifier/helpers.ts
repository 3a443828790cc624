/** Small builders shared by the classifier specs. */
import type { ClassifierInput } from '../../../lambdas/core/model.js';

export function item(language: string, title: string, summary = '', feed?: ClassifierInput['feed']): ClassifierInput {
  return { id: `${language}-case`, title, summary, language, ...(feed ? { feed } : {}) };
}

/** A Google News search item: the headline with " - outlet" and no lead (twelve default feeds are such searches). */
export function google(language: string, headline: string): ClassifierInput {
  return item(language, `${headline} - Example News`, '');
}

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'ja', 'zh', 'ko'] as const;
