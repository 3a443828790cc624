import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyStream } from '../../../lambdas/local/classify-stream.js';
import type { Classification, ClassifierInput } from '../../../lambdas/core/model.js';

function collect(): { stream: PassThrough; lines: () => Array<Record<string, unknown>> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return {
    stream,
    lines: () => Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const RELEVANT = { id: 'a', title: 'Australia bars Huawei, ZTE from 5G rollout', language: 'en' };
const IRRELEVANT = { id: 'b', title: 'Huawei unveils new foldable phone', language: 'en' };

describe('local/classify-stream', () => {
  describe('classifyStream', () => {
    it('writes one output line per input line, in order, with the LABELS.md output fields', async () => {
      // Prepare
      const input = Readable.from([`${JSON.stringify(RELEVANT)}\n${JSON.stringify(IRRELEVANT)}\n`]);
      const out = collect();
      // Act
      const result = await classifyStream(input, out.stream);
      // Assess
      expect(result).toEqual({ lines: 2, errors: 0 });
      const lines = out.lines();
      expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
      expect(lines[0]).toMatchObject({ relevant: true, countries: ['AU'], vendors: ['Huawei', 'ZTE'], measure: 'network_exclusion' });
      expect(Object.keys(lines[0]!)).toEqual(['id', 'relevant', 'countries', 'vendors', 'measure', 'stage', 'confidence', 'evidence']);
      expect(lines[1]).toMatchObject({ id: 'b', relevant: false, measure: null, stage: null });
    });

    it('answers a bad line with an error line and goes on', async () => {
      const input = Readable.from([
        `${JSON.stringify(RELEVANT)}\n`,
        'this is not json\n',
        '{"id": "no-title", "summary": "x"}\n',
        '[1, 2]\n',
        `${JSON.stringify(IRRELEVANT)}\n`,
      ]);
      const out = collect();
      const result = await classifyStream(input, out.stream);
      expect(result).toEqual({ lines: 5, errors: 3 });
      const lines = out.lines();
      expect(lines).toHaveLength(5);
      expect(lines[1]).toMatchObject({ id: null, line: 2, error: expect.stringMatching(/not valid JSON/) });
      expect(lines[2]).toMatchObject({ id: 'no-title', line: 3, error: expect.stringMatching(/no title/) });
      expect(lines[3]).toMatchObject({ id: null, line: 4, error: expect.stringMatching(/not a JSON object/) });
      expect(lines[4]).toMatchObject({ id: 'b', relevant: false });
    });

    it('skips blank lines and reads CRLF and a byte-order mark', async () => {
      const input = Readable.from([`\uFEFF${JSON.stringify(RELEVANT)}\r\n\r\n${JSON.stringify(IRRELEVANT)}\r\n`]);
      const out = collect();
      expect(await classifyStream(input, out.stream)).toEqual({ lines: 2, errors: 0 });
      expect(out.lines().map((l) => l.id)).toEqual(['a', 'b']);
    });

    it('keeps going when the classifier throws on one item', async () => {
      const classify = (i: ClassifierInput): Classification => {
        if (i.id === 'boom') throw new Error('unexpected');
        return { relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 1, evidence: [] };
      };
      const input = Readable.from(['{"id":"boom","title":"x"}\n{"id":"ok","title":"y"}\n']);
      const out = collect();
      expect(await classifyStream(input, out.stream, { classify })).toEqual({ lines: 2, errors: 1 });
      expect(out.lines()).toEqual([
        { id: 'boom', line: 1, error: 'classification failed: unexpected' },
        { id: 'ok', relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 1, evidence: [] },
      ]);
    });

    it('waits for the output to drain instead of buffering everything (backpressure)', async () => {
      // Prepare: 5,000 lines into a slow writable with a tiny buffer.
      const N = 5_000;
      const input = Readable.from((function* () {
        for (let i = 0; i < N; i++) yield `${JSON.stringify({ ...IRRELEVANT, id: `i${i}` })}\n`;
      })());
      let written = 0;
      let maxBuffered = 0;
      const slow: Writable = new Writable({
        highWaterMark: 1024,
        write(chunk: Buffer, _enc, cb) {
          written++;
          maxBuffered = Math.max(maxBuffered, slow.writableLength);
          setImmediate(cb);
        },
      });
      // Act
      const result = await classifyStream(input, slow);
      slow.end();
      await once(slow, 'finish');
      // Assess: every line arrived, and the buffer never grew far beyond its high-water mark.
      expect(result).toEqual({ lines: N, errors: 0 });
      expect(written).toBe(N);
      expect(maxBuffered).toBeLessThan(64 * 1024);
    });
  });
});
