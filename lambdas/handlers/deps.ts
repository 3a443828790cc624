/**
 * What each handler needs, declared apart from both the handlers and the composition root: the
 * handlers import these types and compose.ts builds them, so neither imports the other's types
 * (compose → deps ← handlers, no cycle).
 */
import type { FeedConfig } from '../core/model.js';
import type { DigestDeps } from '../digests.js';
import type { DispatchDeps as PipelineDispatchDeps, NotifyDeps, PollDeps } from '../pipeline.js';
import type { Logger } from '../ports.js';
import type { HandlerObservability } from './names.js';

export interface DispatchHandlerDeps extends PipelineDispatchDeps, HandlerObservability {
  logger: Logger;
}

export interface PollHandlerDeps extends PollDeps, HandlerObservability {
  /** The bundled registry: a queue message names a feed by id, the URL comes from here. */
  feeds: FeedConfig[];
}

export interface NotifyHandlerDeps extends NotifyDeps, HandlerObservability {}

export interface DigestHandlerDeps extends DigestDeps, HandlerObservability {}
