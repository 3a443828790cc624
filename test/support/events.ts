/** Small, readable PolicyEvents for the readers' specs (digest, exports, report, filters). */
import type { PolicyEvent, SentAlert } from '../../lambdas/core/model.js';

export function ev(id: string, over: Partial<PolicyEvent> = {}): PolicyEvent {
  const t = over.firstSeen ?? '2026-11-20T03:00:00.000Z';
  return {
    eventId: `ev_${id.padEnd(20, '0')}`,
    clusterKey: (over.countries ?? ['JP']).join(','),
    seq: 0,
    countries: ['JP'],
    vendors: ['Huawei', 'ZTE'],
    measure: 'procurement_exclusion',
    stage: 'announced',
    title: `headline ${id}`,
    evidence: [],
    confidence: 0.9,
    firstSeen: t,
    lastSeen: t,
    alertState: 'SENT',
    alertedStages: [],
    version: 1,
    sources: [{ itemKey: `k${id}`, title: `headline ${id}`, link: `https://news.example/${id}`, feedId: 'news', outlet: 'news.example', published: t }],
    ...over,
  };
}

export function sent(stage: SentAlert['stage'], at: string, over: Partial<SentAlert> = {}): SentAlert {
  return { kind: 'stage', stage, vendors: ['Huawei'], alertId: `a-${stage}-${at}`, at, ...over };
}
