/**
 * `npm run crash -- --seed N [--short] [--rounds K]`: the crash harness (harness.ts) from the
 * command line. Prints progress on stderr and the report as JSON on stdout; exits 1 on any violation.
 * --rounds runs K seeds in a row (N, N+1, …).
 */
import { FULL_PROFILE, SHORT_PROFILE, runHarness, type HarnessReport } from './harness.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seed = Number(arg('seed') ?? Math.floor(Math.random() * 1_000_000));
const rounds = Number(arg('rounds') ?? 1);
const profile = process.argv.includes('--short') ? SHORT_PROFILE : FULL_PROFILE;
const reports: HarnessReport[] = [];
for (let i = 0; i < rounds; i++) {
  const report = await runHarness({ ...profile, seed: seed + i, log: (l) => process.stderr.write(`[seed ${seed + i}] ${l}\n`) });
  reports.push(report);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
process.exitCode = reports.some((r) => r.violations.length > 0) ? 1 : 0;
