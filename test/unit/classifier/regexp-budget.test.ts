/**
 * V8 builds every regex compiled after a process has generated 1 MB of regex code (bytecode and
 * machine code, never decremented) without its optimisations, and the unoptimised whole-text
 * scanners of the languages met last ran ~15× slower (compile.ts, native()). This spec classifies
 * every fixture in a child process traced with --trace-regexp-tier-up, which prints the size of
 * each compilation, and checks the total stays well within that budget.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./support/classify-fixtures.ts', import.meta.url));
/** V8's limit (kRegExpCompiledLimit), less room for the regexes of the rest of a process. */
const BUDGET = 1024 * 1024 * 0.75;

describe('core/classifier/compile', () => {
  describe('native', () => {
    it('keeps the regex code made by classifying every fixture within V8 budget for optimised regexes', () => {
      // Act
      const run = spawnSync(process.execPath, ['--trace-regexp-tier-up', '--import', 'tsx', SCRIPT], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      // Assess
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/classified \d{4,}/);
      let bytecode = 0;
      let machine = 0;
      for (const m of run.stdout.matchAll(/(bytecode|native code) size: (\d+)/g)) {
        if (m[1] === 'bytecode') bytecode += Number(m[2]);
        else machine += Number(m[2]);
      }
      expect(machine).toBeGreaterThan(0);
      expect(bytecode + machine, `bytecode ${bytecode} B, machine code ${machine} B`).toBeLessThan(BUDGET);
    }, 120_000);
  });
});
