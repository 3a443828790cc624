/**
 * JSONL in, JSONL out: one LABELS.md input item per line, one classification line per input line,
 * in order. A bad line (not JSON, not an object, no title) becomes an error line and the stream goes
 * on. Memory stays flat for any number of lines: readline reads line by line and we wait for
 * 'drain' whenever the output's buffer is full.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Classification, ClassifierInput } from '../core/model.js';
import { classify as defaultClassify } from '../core/classifier/index.js';

export interface ClassifyStreamOptions {
  classify?: (input: ClassifierInput) => Classification;
}

export interface ClassifyStreamResult {
  /** Non-empty input lines read. */
  lines: number;
  /** Lines answered with an error line. */
  errors: number;
}

/** Why a parsed line is not a classifier input, or null when it is one. */
function invalidReason(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'line is not a JSON object';
  const title = (value as { title?: unknown }).title;
  if (typeof title !== 'string' || title.trim() === '') return 'item has no title (a non-empty string "title" is required)';
  const summary = (value as { summary?: unknown }).summary;
  if (summary != null && typeof summary !== 'string') return '"summary" must be a string when present';
  return null;
}

function idOf(value: unknown): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

export async function classifyStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: ClassifyStreamOptions = {},
): Promise<ClassifyStreamResult> {
  const classify = opts.classify ?? defaultClassify;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let lines = 0;
  let errors = 0;

  const write = async (obj: unknown): Promise<void> => {
    // Backpressure: when write() says the buffer is full, wait for 'drain' before reading on.
    if (!output.write(`${JSON.stringify(obj)}\n`)) await once(output, 'drain');
  };

  for await (const raw of rl) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    lines++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      errors++;
      await write({ id: null, line: lineNo, error: `line ${lineNo} is not valid JSON: ${(err as Error).message}` });
      continue;
    }
    const id = idOf(value);
    const reason = invalidReason(value);
    if (reason) {
      errors++;
      await write({ id, line: lineNo, error: reason });
      continue;
    }
    try {
      const c = classify(value as ClassifierInput);
      await write({
        id,
        relevant: c.relevant,
        countries: c.countries,
        vendors: c.vendors,
        measure: c.measure,
        stage: c.stage,
        confidence: c.confidence,
        evidence: c.evidence,
      });
    } catch (err) {
      // A classifier bug on one odd item must not lose the rest of the stream.
      errors++;
      await write({ id, line: lineNo, error: `classification failed: ${(err as Error).message}` });
    }
  }
  return { lines, errors };
}
