import type pg from 'pg';
import { log } from '../log';
import { type AttemptOptions, type AttemptResult, attemptMessage } from './outbox-attempt';
import { claimNextMessage } from './outbox-claim';

export interface DeliveryRunOptions extends AttemptOptions {
  pool: pg.Pool;
  /** Messages in flight at once (each holds a pooled connection for its attempt). */
  concurrency?: number;
  signal?: AbortSignal;
  /** How often to look for new work while attempts are in flight. */
  pollMs?: number;
  /** Called after every attempt (tests and metrics). */
  onAttempt?: (messageId: string, result: AttemptResult) => void;
}

export const DEFAULT_DELIVERY_CONCURRENCY = 4;

/**
 * Delivers due outbox messages until none is left and nothing is in flight (or `signal` aborts, after
 * which in-flight attempts finish). Each message is claimed in its own transaction that stays open for
 * the attempt, so a crash (kill -9) rolls the claim back and the message is simply delivered later.
 * At most one attempt per endpoint is in flight in this instance, so a slow receiver occupies one slot.
 */
export async function runDelivery(options: DeliveryRunOptions): Promise<{ attempted: number }> {
  const concurrency = options.concurrency ?? DEFAULT_DELIVERY_CONCURRENCY;
  const now = options.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<void>>();
  // An endpoint whose attempt crashed (not a delivery failure: a bug or a lost database) is left alone
  // for the rest of this run instead of being claimed again in a tight loop.
  const crashed = new Set<string>();
  let attempted = 0;

  // 'none' means nothing is due at all; 'none_here' that the only due messages may belong to endpoints
  // that were excluded (busy) at claim time, which can have finished since.
  const startOne = async (): Promise<'started' | 'none' | 'none_here'> => {
    const client = await options.pool.connect();
    let handedOff = false;
    try {
      await client.query('BEGIN');
      const busy = [...inFlight.keys()];
      const message = await claimNextMessage(client, now(), [...busy, ...crashed]);
      if (!message) {
        await client.query('ROLLBACK');
        return busy.length === 0 ? 'none' : 'none_here';
      }
      handedOff = true;
      const work = (async () => {
        let broken = false;
        try {
          const result = await attemptMessage(client, options.pool, message, options);
          await client.query('COMMIT');
          if (result.kind === 'attempted') attempted++;
          options.onAttempt?.(message.id, result);
        } catch (err) {
          crashed.add(message.endpointId);
          log.error({ err, messageId: message.id, endpointId: message.endpointId }, 'webhook delivery failed');
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
        } finally {
          client.release(broken);
          inFlight.delete(message.endpointId);
        }
      })();
      inFlight.set(message.endpointId, work);
      return 'started';
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      if (!handedOff) client.release();
    }
  };

  while (true) {
    let claim: 'started' | 'none' | 'none_here' = 'started';
    while (!options.signal?.aborted && inFlight.size < concurrency && claim === 'started') claim = await startOne();
    if (inFlight.size === 0) {
      if (claim === 'none' || options.signal?.aborted) break;
      continue;
    }
    await Promise.race([...inFlight.values(), sleep(options.pollMs ?? 1000)]);
  }
  return { attempted };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
