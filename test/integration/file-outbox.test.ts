import { appendFile, chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileOutboxPublisher, OUTBOX_FILE, readOutbox } from '../../lambdas/adapters/file-outbox.js';
import { PublisherUnavailableError } from '../../lambdas/core/errors.js';
import type { Alert, PolicyEvent } from '../../lambdas/core/model.js';

const NOW = '2026-11-29T04:00:00.000Z';

function event(eventId: string): PolicyEvent {
  return {
    eventId,
    clusterKey: 'JP|Huawei,ZTE|procurement_exclusion',
    seq: 0,
    countries: ['JP'],
    vendors: ['Huawei', 'ZTE'],
    measure: 'procurement_exclusion',
    stage: 'announced',
    title: 'Japan to exclude Huawei, ZTE from government procurement -sources',
    sources: [
      {
        itemKey: 'k1',
        title: 'Japan to exclude Huawei, ZTE from government procurement -sources',
        link: 'https://www.reuters.com/world/asia-pacific/japan-exclude-huawei-zte-2026-11-10/',
        feedId: 'demo-reuters-tech',
        published: '2026-11-10T09:20:00.000Z',
      },
    ],
    evidence: ['exclude ZTE and Huawei from public procurement'],
    confidence: 0.9,
    firstSeen: NOW,
    lastSeen: NOW,
    alertState: 'PENDING',
    alertedStages: [],
    version: 1,
  };
}

function alert(eventId: string, stage: Alert['attributes']['stage'] = 'announced'): Alert {
  const ev = event(eventId);
  return {
    alertId: `${eventId}:${stage}`,
    eventId,
    mark: { kind: 'stage', stage, vendors: ['Huawei', 'ZTE'] },
    subject: '[JP] Huawei, ZTE: procurement exclusion (announced)',
    text: 'Japan excludes Huawei and ZTE from public procurement.\nSource: https://www.reuters.com/…',
    attributes: { countries: ['JP'], vendors: ['Huawei', 'ZTE'], measure: 'procurement_exclusion', stage },
    topics: ['all', 'country-jp'],
    sources: ev.sources.map((s) => ({ title: s.title, link: s.link, feedId: s.feedId, published: s.published })),
    createdAt: NOW,
    event: ev,
  };
}

async function lines(dir: string): Promise<string[]> {
  return (await readFile(path.join(dir, OUTBOX_FILE), 'utf8')).split('\n');
}

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'banwatch-outbox-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('file-outbox', () => {
  describe('FileOutboxPublisher.publish', () => {
    it('writes one line per alert with exactly the outbox fields and no event when publishing', async () => {
      const publisher = new FileOutboxPublisher(root);

      const result = await publisher.publish([alert('ev_a'), alert('ev_b')]);

      expect(result).toEqual({ published: ['ev_a:announced', 'ev_b:announced'], failed: [] });
      const written = await lines(root);
      expect(written).toHaveLength(3);
      expect(written[2]).toBe('');
      const first = JSON.parse(written[0] as string) as Record<string, unknown>;
      expect(Object.keys(first)).toEqual(['alertId', 'eventId', 'kind', 'subject', 'text', 'attributes', 'topics', 'sources', 'createdAt']);
      expect(Object.keys(first.attributes as object)).toEqual(['countries', 'vendors', 'measure', 'stage']);
      expect(Object.keys((first.sources as object[])[0] as object)).toEqual(['title', 'link', 'feedId', 'published']);
      expect(first).toEqual({
        alertId: 'ev_a:announced',
        eventId: 'ev_a',
        kind: 'stage',
        subject: '[JP] Huawei, ZTE: procurement exclusion (announced)',
        text: 'Japan excludes Huawei and ZTE from public procurement.\nSource: https://www.reuters.com/…',
        attributes: { countries: ['JP'], vendors: ['Huawei', 'ZTE'], measure: 'procurement_exclusion', stage: 'announced' },
        topics: ['all', 'country-jp'],
        sources: [
          {
            title: 'Japan to exclude Huawei, ZTE from government procurement -sources',
            link: 'https://www.reuters.com/world/asia-pacific/japan-exclude-huawei-zte-2026-11-10/',
            feedId: 'demo-reuters-tech',
            published: '2026-11-10T09:20:00.000Z',
          },
        ],
        createdAt: NOW,
      });
    });

    it('reports an alertId already in the file as published without writing it again when a second instance retries', async () => {
      await new FileOutboxPublisher(root).publish([alert('ev_a')]);
      const second = new FileOutboxPublisher(root);

      const result = await second.publish([alert('ev_a'), alert('ev_a', 'in_force'), alert('ev_a', 'in_force')]);
      const again = await second.publish([alert('ev_a', 'in_force')]);

      expect(result).toEqual({ published: ['ev_a:announced', 'ev_a:in_force', 'ev_a:in_force'], failed: [] });
      expect(again.published).toEqual(['ev_a:in_force']);
      expect((await readOutbox(root)).map((a) => a.alertId)).toEqual(['ev_a:announced', 'ev_a:in_force']);
    });

    it('writes an alertId once when two publish calls of one instance overlap', async () => {
      const publisher = new FileOutboxPublisher(root);

      await Promise.all([publisher.publish([alert('ev_a')]), publisher.publish([alert('ev_a')])]);

      expect(await readOutbox(root)).toHaveLength(1);
    });

    it('moves a torn last line aside before appending when the previous run was killed mid-append', async () => {
      await new FileOutboxPublisher(root).publish([alert('ev_a')]);
      const torn = JSON.stringify({ alertId: 'ev_torn:announced', eventId: 'ev_torn', subject: 'cut short by a crash' });
      await appendFile(path.join(root, OUTBOX_FILE), torn.slice(0, 40));

      const result = await new FileOutboxPublisher(root).publish([alert('ev_b')]);

      expect(result.published).toEqual(['ev_b:announced']);
      const written = await lines(root);
      expect(written).toHaveLength(3);
      expect(written.slice(0, 2).map((l) => JSON.parse(l).alertId)).toEqual(['ev_a:announced', 'ev_b:announced']);
      expect(await readFile(path.join(root, `${OUTBOX_FILE}.torn`), 'utf8')).toBe(torn.slice(0, 40));
    });

    it('does not treat the alertId of a torn line as delivered when the same alert is retried', async () => {
      const full = JSON.stringify({ alertId: 'ev_a:announced', eventId: 'ev_a' });
      await writeFile(path.join(root, OUTBOX_FILE), full.slice(0, full.length - 3));

      const result = await new FileOutboxPublisher(root).publish([alert('ev_a')]);

      expect(result.published).toEqual(['ev_a:announced']);
      expect((await readOutbox(root)).map((a) => a.alertId)).toEqual(['ev_a:announced']);
    });

    it('creates missing nested folders and the file when the outbox does not exist yet', async () => {
      const dir = path.join(root, 'data', 'outbox', 'nested');

      const result = await new FileOutboxPublisher(dir).publish([alert('ev_a')]);

      expect(result.published).toEqual(['ev_a:announced']);
      expect(await readOutbox(dir)).toHaveLength(1);
    });

    it('writes nothing and creates nothing when given no alerts', async () => {
      const dir = path.join(root, 'never');

      const result = await new FileOutboxPublisher(dir).publish([]);

      expect(result).toEqual({ published: [], failed: [] });
      expect(await readOutbox(dir)).toEqual([]);
    });

    it('throws PublisherUnavailableError when the outbox cannot be written', async () => {
      // Root ignores permission bits; a regular file in place of the folder fails for everyone.
      const blocked = path.join(root, 'blocked');
      await writeFile(blocked, 'not a folder');
      await chmod(blocked, 0o444);

      await expect(new FileOutboxPublisher(path.join(blocked, 'outbox')).publish([alert('ev_a')])).rejects.toBeInstanceOf(
        PublisherUnavailableError,
      );
    });
  });

  describe('FileOutboxPublisher.recover', () => {
    it('truncates to the last complete line and keeps the torn bytes in alerts.jsonl.torn', async () => {
      const whole = `${JSON.stringify({ alertId: 'x:announced', eventId: 'x' })}\n`;
      await writeFile(path.join(root, OUTBOX_FILE), `${whole}{"alertId":"y:ann`);

      const moved = await new FileOutboxPublisher(root).recover();

      expect(moved).toBe('{"alertId":"y:ann'.length);
      expect(await readFile(path.join(root, OUTBOX_FILE), 'utf8')).toBe(whole);
      expect(await readFile(path.join(root, `${OUTBOX_FILE}.torn`), 'utf8')).toBe('{"alertId":"y:ann');
    });

    it('changes nothing when the file ends on a complete line or does not exist', async () => {
      const whole = `${JSON.stringify({ alertId: 'x:announced', eventId: 'x' })}\n`;
      await writeFile(path.join(root, OUTBOX_FILE), whole);

      expect(await new FileOutboxPublisher(root).recover()).toBe(0);
      expect(await new FileOutboxPublisher(path.join(root, 'absent')).recover()).toBe(0);
      expect(await readFile(path.join(root, OUTBOX_FILE), 'utf8')).toBe(whole);
    });

    it('empties a file whose only line is torn when a first append over 64 KiB was cut', async () => {
      await writeFile(path.join(root, OUTBOX_FILE), 'x'.repeat(200_000));

      expect(await new FileOutboxPublisher(root).recover()).toBe(200_000);
      expect(await readFile(path.join(root, OUTBOX_FILE), 'utf8')).toBe('');
    });
  });

  describe('readOutbox', () => {
    it('returns an empty list when the outbox does not exist', async () => {
      expect(await readOutbox(path.join(root, 'absent'))).toEqual([]);
    });

    it('returns alerts in file order and skips blank and unparsable lines', async () => {
      const a = JSON.stringify({ alertId: 'x:announced', eventId: 'x' });
      const b = JSON.stringify({ alertId: 'y:in_force', eventId: 'y' });
      await writeFile(path.join(root, OUTBOX_FILE), `${a}\n\n{"broken\n42\n${b}\n{"alertId":"z`);

      const alerts = await readOutbox(root);

      expect(alerts.map((x) => x.alertId)).toEqual(['x:announced', 'y:in_force']);
    });
  });
});
