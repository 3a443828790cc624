/**
 * The one DynamoDB table, defined once: the CDK stack (lib/) and the local dynalite bootstrap
 * (lambdas/local/) both build it from this, and the DynamoDB store adapter uses these names.
 */

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the row after it (irrelevant items only). */
  ttlAttribute: 'expiresAt',
  indexes: {
    /** Sparse: only events with an alert still to publish carry pendingPk. The outbox. */
    pending: { name: 'pending', partitionKey: 'pendingPk', sortKey: 'pendingSk' },
    /** Events of one resolution key (the acting countries), by lastSeen: the candidates a report may join. */
    cluster: { name: 'cluster', partitionKey: 'clusterKey', sortKey: 'lastSeen' },
    /** All events by lastSeen (entity = "EVENT"), for listing without a country. */
    events: { name: 'events', partitionKey: 'entity', sortKey: 'lastSeen' },
  },
} as const;

/** Attribute definitions (all strings) for the keys above, for CreateTable. */
export const KEY_ATTRIBUTES = [
  TABLE.partitionKey,
  TABLE.sortKey,
  TABLE.indexes.pending.partitionKey,
  TABLE.indexes.pending.sortKey,
  TABLE.indexes.cluster.partitionKey,
  TABLE.indexes.cluster.sortKey,
  TABLE.indexes.events.partitionKey,
] as const;

/** Key builders: the row layout of DESIGN.md. */
export const keys = {
  feedState: (feedId: string) => ({ pk: `FEED#${feedId}`, sk: 'STATE' }),
  item: (itemKey: string) => ({ pk: `ITEM#${itemKey}`, sk: 'ITEM' }),
  event: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' }),
  /** Per resolution key: the highest event seq created (a hint; creation probes past it). */
  resolveHead: (clusterKey: string) => ({ pk: `RESOLVE#${clusterKey}`, sk: 'HEAD' }),
  delivery: (alertId: string) => ({ pk: `DELIVERY#${alertId}`, sk: 'DELIVERY' }),
  countryIndex: (country: string, isoDate: string, eventId: string) => ({
    pk: `COUNTRY#${country}`,
    sk: `${isoDate}#${eventId}`,
  }),
} as const;

/** Value of pendingPk on events with an alert to publish. */
export const PENDING = 'PENDING';
/** Value of `entity` on event rows. */
export const EVENT_ENTITY = 'EVENT';
