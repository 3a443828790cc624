/**
 * Error classes with a stable `code` (printed in run summaries) and a `cause`.
 * SDK and network errors are translated into these at the adapter edge.
 */
export class BanwatchError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Fetching one feed failed. Per-feed: never aborts a run. */
export class FeedFetchError extends BanwatchError {
  readonly httpStatus?: number;
  /** Seconds the server asked us to wait (Retry-After), already capped. */
  readonly retryAfterSeconds?: number;
  constructor(
    code: string,
    message: string,
    options?: { cause?: unknown; httpStatus?: number; retryAfterSeconds?: number },
  ) {
    super(code, message, options);
    if (options?.httpStatus !== undefined) this.httpStatus = options.httpStatus;
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** A fetched body is not a usable feed. Per-feed: never aborts a run. */
export class FeedParseError extends BanwatchError {}

/** Storage cannot be used: aborts the run (nothing can be recorded safely). */
export class StoreUnavailableError extends BanwatchError {}

/** The publisher cannot be used at all (not a per-alert failure): aborts notify. */
export class PublisherUnavailableError extends BanwatchError {}

/** Configuration is invalid: aborts before anything is written. */
export class ConfigError extends BanwatchError {}
