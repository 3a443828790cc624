/**
 * The shape of the AWS composition (STYLE.md 1): thin handlers, and no import cycle between the
 * handlers and their composition root (compose.ts builds what deps.ts declares; the handlers import
 * both, neither imports a handler).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../lib/function.js';

const HANDLERS_DIR = path.join(PROJECT_ROOT, 'lambdas', 'handlers');
const HANDLERS = ['dispatch', 'poll', 'notify', 'digest'];
/** Thin: parse the event, call one pipeline function, map the result. */
const MAX_HANDLER_LINES = 80;

/** Relative imports of a file under lambdas/handlers, as file names without extension. */
function localImports(file: string): string[] {
  const text = fs.readFileSync(path.join(HANDLERS_DIR, `${file}.ts`), 'utf8');
  return [...text.matchAll(/^import[^;]*?from '\.\/([\w-]+)\.js';/gms)].map((m) => m[1]!);
}

describe('lambdas/handlers', () => {
  it.each(HANDLERS)('%s.ts stays thin (at most 80 lines)', (name) => {
    const lines = fs.readFileSync(path.join(HANDLERS_DIR, `${name}.ts`), 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(MAX_HANDLER_LINES);
  });

  it('has no import cycle: compose.ts and deps.ts import no handler', () => {
    for (const name of HANDLERS) expect(localImports(name)).toEqual(expect.arrayContaining(['compose', 'deps', 'names']));
    for (const root of ['compose', 'deps']) expect(localImports(root).filter((f) => HANDLERS.includes(f))).toEqual([]);
    // And the whole directory's local import graph is acyclic.
    const files = fs.readdirSync(HANDLERS_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === 'done') return;
      expect(state.get(f), `cycle: ${[...trail, f].join(' -> ')}`).not.toBe('visiting');
      state.set(f, 'visiting');
      for (const dep of localImports(f)) if (files.includes(dep)) visit(dep, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
  });
});
