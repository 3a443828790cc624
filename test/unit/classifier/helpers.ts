/** Small builders shared by the classifier specs. */
import { expect } from 'vitest';
import type { ClassifierInput } from '../../../lambdas/core/model.js';

export function item(language: string, title: string, summary = '', feed?: ClassifierInput['feed']): ClassifierInput {
  return { id: `${language}-case`, title, summary, language, ...(feed ? { feed } : {}) };
}

/** A Google News search item: the headline with " - outlet" and no lead (twelve default feeds are such searches). */
export function google(language: string, headline: string): ClassifierInput {
  return item(language, `${headline} - Example News`, '');
}

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'ja', 'zh', 'ko'] as const;

/**
 * Classifies one item and checks it is relevant with the given fields: the body of the
 * `[language, title, summary, expected]` wording tables (r22/r23/r24/t24/t25-wording specs).
 */
export function expectReads(
  classify: (input: ClassifierInput) => { relevant: boolean; stage?: unknown; measure?: unknown; countries?: unknown; vendors?: unknown },
  language: string,
  title: string,
  summary: string,
  expected: { stage?: string; measure?: string; countries?: string[]; vendors?: string[] },
): void {
  const r = classify(item(language, title, summary));
  expect(r.relevant).toBe(true);
  for (const [field, value] of Object.entries(expected)) expect(r[field as keyof typeof expected]).toEqual(value);
}

/** Classifies one item and checks only the given fields (relevance included when given): guard rows. */
export function expectFields(
  classify: (input: ClassifierInput) => object,
  language: string,
  title: string,
  summary: string,
  expected: Record<string, unknown>,
): void {
  const r = classify(item(language, title, summary)) as Record<string, unknown>;
  for (const [field, value] of Object.entries(expected)) expect(r[field]).toEqual(value);
}
