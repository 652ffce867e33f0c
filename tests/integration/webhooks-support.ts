import type pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { addValues, createSketch, toSparse } from '../../lib/sketch';
import type { ReceivedRequest } from '../../lib/webhooks/testing-receiver';
import { plainHeaders } from '../../lib/webhooks/testing-receiver';

// Shared by the alerts-* and webhooks-* integration suites: a project row, rollup rows written the way
// ingest writes them, outbox inspection and signature verification with the standardwebhooks package.

export async function createProject(pool: pg.Pool, name = 'Shop'): Promise<number> {
  const result = await pool.query<{ id: number }>('INSERT INTO projects (name) VALUES ($1) RETURNING id', [name]);
  return result.rows[0].id;
}

export interface RollupInput {
  projectId: number;
  bucket: Date;
  latencies: number[];
  errors?: number;
  service?: string;
  route?: string;
  environment?: string;
  release?: string;
  method?: string;
  tier?: 'rollup_minute' | 'rollup_hour' | 'rollup_day';
}

/** One rollup row with a real sketch of `latencies` (as the ingest writer would store it). */
export async function insertRollup(pool: pg.Pool, input: RollupInput): Promise<void> {
  const sketch = createSketch();
  addValues(sketch, input.latencies);
  const sparse = toSparse(sketch);
  const tier = input.tier ?? 'rollup_minute';
  await pool.query(
    `INSERT INTO telemetry.${tier} (project_id, service, bucket, environment, release, route, method, count, error_count,
       sum_ms, min_ms, max_ms, zero_count, sketch_keys, sketch_counts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      input.projectId,
      input.service ?? 'checkout',
      input.bucket,
      input.environment ?? 'production',
      input.release ?? '1.0.0',
      input.route ?? 'POST /pay',
      input.method ?? 'POST',
      input.latencies.length,
      input.errors ?? 0,
      input.latencies.reduce((a, b) => a + b, 0),
      Math.min(...input.latencies),
      Math.max(...input.latencies),
      sparse.zeroCount,
      sparse.keys,
      sparse.counts,
    ],
  );
}

export const minuteOf = (ms: number): Date => new Date(Math.floor(ms / 60_000) * 60_000);

export interface MessageRow {
  id: string;
  endpoint_id: string;
  webhook_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  body: string;
}

export async function messages(pool: pg.Pool): Promise<MessageRow[]> {
  return (await pool.query<MessageRow>('SELECT * FROM webhook_messages ORDER BY created_at, id')).rows;
}

export interface AttemptRow {
  message_id: string;
  number: number;
  outcome: string;
  http_status: number | null;
  error: string | null;
}

export async function attempts(pool: pg.Pool, messageId?: string): Promise<AttemptRow[]> {
  const result = await pool.query<AttemptRow>(
    'SELECT * FROM webhook_attempts WHERE $1::uuid IS NULL OR message_id = $1 ORDER BY message_id, number',
    [messageId ?? null],
  );
  return result.rows;
}

/** Verifies a received request like a receiver would (throws when the signature does not match). */
export function verifySigned(request: ReceivedRequest, secret: string): unknown {
  return new Webhook(secret).verify(request.body, plainHeaders(request.headers));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined (the suite timeout bounds the wait). */
export async function eventually<T>(check: () => Promise<T | undefined>, pauseMs = 100): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(pauseMs);
  }
}
