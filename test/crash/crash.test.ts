/**
 * The short crash harness (harness.ts): real CLI processes killed with SIGKILL at random moments,
 * during the first table creation and while the outbox grows, two processes started together, and
 * three kinds of damage. `npm run crash -- --seed N` runs the full profile.
 */
import { describe, expect, it } from 'vitest';
import { SHORT_PROFILE, runHarness } from './harness.js';

/** It takes ≈40 s on an idle 2-core machine; the limit only guards against a hang on a loaded one. */
const LIMIT_MS = 300_000;

describe('crash harness', () => {
  describe('runHarness (short profile)', () => {
    it('finds no lost event, duplicate alert, torn line, bricked directory, stack trace, silent loss or pending alert when the CLI is killed anywhere', async () => {
      // Kill moments are random in time anyway; a fixed seed keeps the world and the damage the same.
      const seed = 1;

      const report = await runHarness({ ...SHORT_PROFILE, seed });

      expect(report.violations, `seed ${seed}`).toEqual([]);
      expect(report.completedRuns).toBeGreaterThan(0);
      expect(report.events).toBeGreaterThan(0);
      expect(report.damagesRefused + report.damagesReadIntact).toBe(SHORT_PROFILE.damages.length);
    }, LIMIT_MS);
  });
});
