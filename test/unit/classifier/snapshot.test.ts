/**
 * Decision snapshot: the full classification (relevance, countries, vendors, measure, stage,
 * confidence, evidence, rules) of every labelled fixture (fixtures/eval/*.jsonl), one line per item.
 * Speed and plumbing work must leave it unchanged; a deliberate change of behaviour (a new cue, a
 * tuning, a normalisation) regenerates it with
 *   UPDATE_FIXTURES=1 npx vitest run test/unit/classifier/snapshot.test.ts
 * and the diff shows exactly which decisions moved.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { ClassifierInput } from '../../../lambdas/core/model.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/eval/', import.meta.url));
const SNAPSHOT = fileURLToPath(new URL('./snapshots/eval.classifications.jsonl', import.meta.url));
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

function items(): Array<ClassifierInput & { id: string }> {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(FIXTURES, f), 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => JSON.parse(l) as ClassifierInput & { id: string });
}

describe('core/classifier (decision snapshot)', () => {
  describe('classify', () => {
    it('gives every labelled fixture the classification recorded in the snapshot', () => {
      // Prepare
      const all = items();
      // Act
      const lines = all.map((item) => JSON.stringify({ id: item.id, ...classify(item) }));
      // Assess
      if (UPDATE) writeFileSync(SNAPSHOT, `${lines.join('\n')}\n`);
      expect(existsSync(SNAPSHOT), `${SNAPSHOT} is missing: run with UPDATE_FIXTURES=1`).toBe(true);
      const expected = readFileSync(SNAPSHOT, 'utf8').split('\n').filter((l) => l.trim());
      const byId = new Map(expected.map((l) => [(JSON.parse(l) as { id: string }).id, l]));
      const changed = lines.filter((l) => byId.get((JSON.parse(l) as { id: string }).id) !== l);
      expect(changed.slice(0, 20), `${changed.length} of ${lines.length} classifications differ from the snapshot`).toEqual([]);
      expect(lines.length).toBe(expected.length);
    });
  });
});
