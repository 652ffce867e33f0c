// Why a write was refused; the HTTP layer answers both with 503 + Retry-After (the client retries).
export class QueueFullError extends Error {
  readonly retryAfterSeconds = 1;
  constructor() {
    super('The ingest write queue is full');
  }
}

export class WriteUnavailableError extends Error {
  readonly retryAfterSeconds = 5;
  constructor(cause: unknown) {
    super('The database is unavailable', { cause });
  }
}
