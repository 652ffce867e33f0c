import { z } from 'zod';

// Every setting is an environment variable with a documented default (README "Configuration").
// Parsed once; a bad value stops the process at start with the variable named.
const int = (def: number) => z.coerce.number().int().nonnegative().default(def);

const schema = z.object({
  PORT: int(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  TAILWATCH_DATA_DIR: z.string().optional(),
  TAILWATCH_PG_PORT: int(54329),
  TAILWATCH_PUBLIC_URL: z.string().optional(),
  TAILWATCH_ADMIN_EMAIL: z.string().optional(),
  TAILWATCH_ADMIN_PASSWORD: z.string().optional(),
  TAILWATCH_SESSION_DAYS: int(14),
  TAILWATCH_LOGIN_ATTEMPTS_PER_MINUTE: int(10),
  TAILWATCH_DB_POOL_SIZE: int(10),
  // At most 1 GiB: zlib refuses an output limit past its 4 GiB buffers, and a body that size is no batch.
  TAILWATCH_MAX_BODY_BYTES: z.coerce.number().int().min(1).max(1024 ** 3).default(16 * 1024 * 1024),
  TAILWATCH_INGEST_RATE_PER_KEY: int(2000),
  TAILWATCH_INGEST_BURST_PER_KEY: int(4000),
  TAILWATCH_INGEST_QUEUE_MAX_ITEMS: int(500_000),
  TAILWATCH_INGEST_DECODE_THREADS: z.coerce.number().int().min(0).max(16).default(1),
  TAILWATCH_INGEST_DECODE_BACKLOG_BYTES: int(64 * 1024 * 1024),
  TAILWATCH_RAW_RETENTION_DAYS: int(7),
  TAILWATCH_MINUTE_RETENTION_DAYS: int(15),
  TAILWATCH_HOUR_RETENTION_DAYS: int(90),
  TAILWATCH_DAY_RETENTION_DAYS: int(730),
  TAILWATCH_QUEUE_GAUGES: z.string().default('queue.depth,messaging.queue.depth'),
  TAILWATCH_WORKERS: z.enum(['on', 'off']).default('on'),
  TAILWATCH_WEBHOOK_ALLOW_HOSTS: z.string().default(''),
  // Alert rules are evaluated this often (one instance at a time); tests shorten it.
  TAILWATCH_ALERT_EVALUATION_SECONDS: z.coerce.number().int().min(1).default(30),
  // Feedback widget endpoint (POST /api/v1/feedback): token buckets per client IP and per project key.
  TAILWATCH_FEEDBACK_PER_IP_PER_MINUTE: int(20),
  TAILWATCH_FEEDBACK_PER_IP_BURST: int(20),
  TAILWATCH_FEEDBACK_PER_KEY_PER_MINUTE: int(600),
  TAILWATCH_FEEDBACK_PER_KEY_BURST: int(600),
  // Reverse proxies in front of Tailwatch whose X-Forwarded-For entries are trusted (0 = use the socket address).
  TAILWATCH_TRUSTED_PROXY_HOPS: int(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change env between cases; this drops the cached parse. */
export function resetConfigForTests(): void {
  cached = undefined;
}
