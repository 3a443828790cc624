/** Small builders shared by the classifier specs. */
import type { ClassifierInput } from '../../../lambdas/core/model.js';

export function item(language: string, title: string, summary = '', feed?: ClassifierInput['feed']): ClassifierInput {
  return { id: `${language}-case`, title, summary, language, ...(feed ? { feed } : {}) };
}

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'ja', 'zh', 'ko'] as const;
