/**
 * An in-memory Store for specs of the core and the pipeline (the real adapter is tested against
 * dynalite in test/integration). It keeps the same contract: conditional writes, versions, pending.
 */
import type { FeedState, PolicyEvent, StoredItem } from '../../lambdas/core/model.js';
import type { EventQuery, Store } from '../../lambdas/ports.js';

const clone = <T>(x: T): T => structuredClone(x);

export class MemoryStore implements Store {
  readonly feeds = new Map<string, FeedState>();
  readonly items = new Map<string, StoredItem>();
  readonly events = new Map<string, PolicyEvent>();
  /** Set to make every call throw (fault injection). */
  failWith: Error | null = null;

  private check() {
    if (this.failWith) throw this.failWith;
  }

  async getFeedStates(feedIds: string[]) {
    this.check();
    const out = new Map<string, FeedState>();
    for (const id of feedIds) {
      const s = this.feeds.get(id);
      if (s) out.set(id, clone(s));
    }
    return out;
  }
  async putFeedState(state: FeedState) {
    this.check();
    this.feeds.set(state.feedId, clone(state));
  }
  async existingItemKeys(keys: string[]) {
    this.check();
    return new Set(keys.filter((k) => this.items.has(k)));
  }
  async putItems(items: StoredItem[]) {
    this.check();
    const inserted = new Set<string>();
    for (const item of items) {
      if (this.items.has(item.itemKey)) continue;
      this.items.set(item.itemKey, clone(item));
      inserted.add(item.itemKey);
    }
    return inserted;
  }
  async updateItems(items: StoredItem[]) {
    this.check();
    for (const item of items) this.items.set(item.itemKey, clone(item));
  }
  async *scanItems() {
    this.check();
    const all = [...this.items.values()].map(clone);
    for (let i = 0; i < all.length; i += 10) yield all.slice(i, i + 10);
  }
  async getEvent(eventId: string) {
    this.check();
    const e = this.events.get(eventId);
    return e ? clone(e) : null;
  }
  async resolutionCandidates(clusterKey: string, since: string) {
    this.check();
    const ofKey = [...this.events.values()].filter((e) => e.clusterKey === clusterKey);
    const nextSeq = ofKey.reduce((m, e) => Math.max(m, e.seq + 1), 0);
    // Same contract as the DynamoDB store: recent enough, or among the newest by seq.
    const events = ofKey.filter((e) => e.lastSeen >= since || e.seq >= nextSeq - 8).sort((a, b) => a.seq - b.seq).map(clone);
    return { events, nextSeq };
  }
  async saveEvent(event: PolicyEvent, expectedVersion: number) {
    this.check();
    const current = this.events.get(event.eventId);
    if (expectedVersion === 0 ? current !== undefined : current?.version !== expectedVersion) return false;
    this.events.set(event.eventId, clone(event));
    return true;
  }
  async listPendingEvents(limit = 100) {
    this.check();
    return [...this.events.values()]
      .filter((e) => e.alertState === 'PENDING')
      .sort((a, b) => a.lastSeen.localeCompare(b.lastSeen))
      .slice(0, limit)
      .map(clone);
  }
  async updateEvent(eventId: string, update: (event: PolicyEvent) => PolicyEvent | null) {
    this.check();
    const current = this.events.get(eventId);
    if (!current) return null;
    const next = update(clone(current));
    if (!next) return clone(current);
    const saved = { ...clone(next), version: current.version + 1 };
    this.events.set(eventId, saved);
    return clone(saved);
  }
  async queryEvents(q: EventQuery) {
    this.check();
    return [...this.events.values()]
      .filter((e) => !q.country || e.countries.includes(q.country))
      .filter((e) => !q.vendor || e.vendors.some((v) => v.toLowerCase() === q.vendor!.toLowerCase()))
      .filter((e) => !q.since || e.lastSeen >= q.since)
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
      .slice(0, q.limit ?? 1000)
      .map(clone);
  }
}

/** A clock that only moves when told. */
export class FixedClock {
  constructor(private t: Date) {}
  now() {
    return new Date(this.t);
  }
  set(t: Date) {
    this.t = new Date(t);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}
