/**
 * Stage as a first-class decision: its own evidence (the phrases that decided it) and a confidence
 * the event layer can rely on before turning an event around (high only for unambiguous cues).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Stage } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

// [language, title, stage, a phrase the stage evidence must contain, summary]
const SURE_CASES: Array<[string, string, Stage, string, string]> = [
  ['en', 'Judge blocks Montana\'s TikTok ban', 'lifted', 'Judge blocks', 'A federal judge granted a preliminary injunction on Thursday.'],
  ['en', 'US lifts ban on suppliers selling to ZTE', 'lifted', 'lifts ban', 'The Commerce Department lifted the ban on Friday.'],
  ['en', 'Germany decides not to exclude Huawei from 5G', 'rejected', 'decides not to', 'The cabinet agreed on security requirements instead.'],
  ['fr', 'Le Conseil d\'État suspend l\'interdiction de TikTok en Nouvelle-Calédonie', 'lifted', 'annulée par le juge', 'La suspension a été annulée par le juge.'],
  ['de', 'Gericht kippt TikTok-Verbot in Montana', 'lifted', 'kippt', 'Ein Bundesrichter stoppte das Gesetz.'],
  ['es', 'El Gobierno descarta vetar a Huawei en el 5G', 'rejected', 'descarta vetar', 'No excluirá al fabricante, dijo el ministro.'],
  ['ja', '米商務省、ZTEへの禁輸措置を解除', 'lifted', '解除', '米企業は取引を再開できる。'],
  ['zh', '美国商务部解除对中兴的出口禁令', 'lifted', '解除', '美国企业可以恢复向中兴出售零部件。'],
  ['ko', '미 상무부, ZTE 제재 해제', 'lifted', '해제', '미국 기업은 거래를 재개할 수 있다.'],
];

// A lifted or rejected reading on a vague word stays uncertain: the event layer must not flip on it.
const VAGUE_CASES: Array<[string, string, string]> = [
  ['en', 'India allows Huawei and ZTE to join 5G trials', 'The telecom department approved the trial applications.'],
  ['en', 'Germany allows Huawei to take part in 5G rollout', 'Operators must meet new security requirements.'],
  ['en', 'US reverses ban on ZTE', 'Suppliers may sell to the company again.'],
];

describe('classifier', () => {
  describe('classify: stage evidence and stage confidence', () => {
    it.each(SURE_CASES)('[%s] reads "%s" as %s with high confidence, citing "%s"', (language, title, stage, phrase, summary) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, stage });
      // 0.85 is what lets one report lift or reject an event on its own (events.ts).
      expect(c.stageConfidence).toBeGreaterThanOrEqual(0.85);
      expect(c.stageEvidence?.some((e) => e.includes(phrase)), JSON.stringify(c.stageEvidence)).toBe(true);
    });

    it.each(VAGUE_CASES)('[%s] keeps a lifted or rejected reading of "%s" at stageConfidence <= 0.6', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(['lifted', 'rejected']).toContain(c.stage);
      expect(c.stageConfidence).toBeLessThanOrEqual(0.6);
    });

    it('says when only the headline verb decided: that phrase as evidence, low confidence', () => {
      const c = classify(item('en', 'Taiwan bans DeepSeek in government agencies', ''));
      expect(c).toMatchObject({ relevant: true, stage: 'in_force' });
      expect(c.stageConfidence).toBeLessThanOrEqual(0.35);
      expect(c.stageEvidence?.[0]).toContain('bans DeepSeek');
    });

    it('leaves stage evidence and confidence out of irrelevant items', () => {
      const c = classify(item('en', 'Huawei launches a new foldable phone', 'The device goes on sale next month.'));
      expect(c.relevant).toBe(false);
      expect(c.stageEvidence).toBeUndefined();
      expect(c.stageConfidence).toBeUndefined();
    });

    it('does not read a refusal to take a vendor off a list as lifted', () => {
      const c = classify(item('en', 'Germany declines to remove Huawei from list of 5G suppliers', 'The interior minister said the company was needed for the rollout.'));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('rejected');
    });

    it('does not read "reversing an earlier decision" as lifted when the headline imposes a ban', () => {
      const c = classify(item('en', 'Britain bans Huawei from 5G, reversing an earlier decision', 'Operators must stop buying new Huawei kit.'));
      expect(c.relevant).toBe(true);
      expect(c.stage).not.toBe('lifted');
    });

    it('is calibrated on the labelled fixtures: stages at >= 0.8 are right at least 97% of the time', () => {
      const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'fixtures', 'eval');
      const gold = readdirSync(root).filter((f) => f.endsWith('.jsonl')).flatMap((f) =>
        readFileSync(join(root, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { relevant: boolean; stage: Stage } & Parameters<typeof classify>[0]));
      const sure = gold.map((g) => ({ g, c: classify(g) })).filter(({ g, c }) => g.relevant && c.relevant && (c.stageConfidence ?? 0) >= 0.8);
      expect(sure.length).toBeGreaterThan(100);
      expect(sure.filter(({ g, c }) => g.stage === c.stage).length / sure.length).toBeGreaterThanOrEqual(0.97);
      for (const { c } of sure) expect(c.stageConfidence).toBeLessThanOrEqual(1);
    });
  });
});
