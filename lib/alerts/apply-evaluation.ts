import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { enqueueAlertEvent } from '../webhooks/outbox-enqueue';
import { buildAlertEvent } from './alert-notification';
import { breaches } from './comparator';
import type { AlertRuleDefinition } from './rule-schema';
import type { SeriesLabels } from './series-key';
import { type AlertStatus, advance, type SeriesState, type Step } from './state-machine';

export interface ObservedSeries {
  key: string;
  labels: SeriesLabels;
  value: number | null;
  annotations?: Record<string, string>;
}

export interface ApplyContext {
  now: Date;
  projectName: string;
  externalUrl: string;
}

export interface ApplyResult {
  transitions: number;
  notifications: number;
  messages: number;
}

interface StateRow {
  series_key: string;
  labels: SeriesLabels;
  status: AlertStatus;
  value: number | null;
  active_since: Date | null;
  fired_at: Date | null;
  resolved_at: Date | null;
  last_notified_at: Date | null;
  evaluated_at: Date;
}

// Series that were last seen in ok/resolved this long ago are forgotten (their history stays).
const FORGET_AFTER = '7 days';

/**
 * Runs the state machine for every series of a rule and stores the outcome. Must run inside a
 * transaction: the state rows are locked, and state changes, history and outbox messages commit
 * together. A row already evaluated at or after `now` (another instance got there first) is left
 * alone, so two evaluators cannot both notify the same change.
 */
export async function applyEvaluation(
  client: pg.PoolClient,
  rule: AlertRuleDefinition,
  observed: readonly ObservedSeries[],
  ctx: ApplyContext,
): Promise<ApplyResult> {
  const result: ApplyResult = { transitions: 0, notifications: 0, messages: 0 };
  await client.query(
    `INSERT INTO alert_states (rule_id, series_key, labels, status, evaluated_at)
     SELECT $1, k, l::jsonb, 'ok', 'epoch' FROM unnest($2::text[], $3::text[]) AS u(k, l)
     ON CONFLICT (rule_id, series_key) DO NOTHING`,
    [rule.id, observed.map((o) => o.key), observed.map((o) => JSON.stringify(o.labels))],
  );
  const rows = await client.query<StateRow>(
    'SELECT * FROM alert_states WHERE rule_id = $1 ORDER BY series_key FOR UPDATE',
    [rule.id],
  );
  const byKey = new Map(observed.map((o) => [o.key, o]));
  const timing = { forMs: rule.forSeconds * 1000, repeatIntervalMs: rule.repeatIntervalSeconds * 1000 };
  const updates: { row: StateRow; step: Step; labels: SeriesLabels }[] = [];

  for (const row of rows.rows) {
    if (row.evaluated_at.getTime() >= ctx.now.getTime()) continue;
    const seen = byKey.get(row.series_key);
    // A series without data only matters while it is pending or firing: then "no data" ends it.
    if (!seen && row.status !== 'pending' && row.status !== 'firing') continue;
    const value = seen?.value ?? null;
    const labels = seen?.labels ?? row.labels;
    const step = advance(
      stateOf(row),
      { at: ctx.now, value, breaching: breaches(value, rule.comparator, rule.threshold) },
      timing,
    );
    updates.push({ row, step, labels });
    if (step.changed || step.notification) {
      const eventId = randomUUID();
      result.transitions += step.changed ? 1 : 0;
      await client.query(
        `INSERT INTO alert_events (id, rule_id, project_id, series_key, labels, from_status, to_status, notified, value, at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::alert_status, $7::alert_status, $8, $9, $10)`,
        [
          eventId,
          rule.id,
          rule.projectId,
          row.series_key,
          JSON.stringify(labels),
          step.from,
          step.state.status,
          step.notification !== null,
          value,
          ctx.now,
        ],
      );
      if (step.notification) {
        result.notifications++;
        const event = buildAlertEvent({
          eventId,
          rule,
          projectName: ctx.projectName,
          labels,
          annotations: seen?.annotations,
          state: step.state,
          notification: step.notification,
          now: ctx.now,
        });
        result.messages += await enqueueAlertEvent(client, {
          projectId: rule.projectId,
          alertEventId: eventId,
          event,
          externalUrl: ctx.externalUrl,
        });
      }
    }
  }

  if (updates.length > 0) await writeStates(client, rule.id, updates, ctx.now);
  await client.query(
    `DELETE FROM alert_states WHERE rule_id = $1 AND status IN ('ok', 'resolved')
       AND evaluated_at < $2::timestamptz - $3::interval`,
    [rule.id, ctx.now, FORGET_AFTER],
  );
  return result;
}

function stateOf(row: StateRow): SeriesState {
  return {
    status: row.status,
    activeSince: row.active_since,
    firedAt: row.fired_at,
    resolvedAt: row.resolved_at,
    lastNotifiedAt: row.last_notified_at,
    value: row.value,
  };
}

async function writeStates(
  client: pg.PoolClient,
  ruleId: string,
  updates: { row: StateRow; step: Step; labels: SeriesLabels }[],
  now: Date,
): Promise<void> {
  const col = <T>(pick: (s: SeriesState) => T) => updates.map((u) => pick(u.step.state));
  await client.query(
    `UPDATE alert_states s
     SET status = u.status::alert_status, value = u.value, labels = u.labels::jsonb, active_since = u.active_since,
         fired_at = u.fired_at, resolved_at = u.resolved_at, last_notified_at = u.last_notified_at, evaluated_at = $2
     FROM unnest($3::text[], $4::text[], $5::float8[], $6::text[], $7::timestamptz[], $8::timestamptz[],
                 $9::timestamptz[], $10::timestamptz[])
          AS u(series_key, status, value, labels, active_since, fired_at, resolved_at, last_notified_at)
     WHERE s.rule_id = $1 AND s.series_key = u.series_key`,
    [
      ruleId,
      now,
      updates.map((u) => u.row.series_key),
      col((s) => s.status),
      col((s) => s.value),
      updates.map((u) => JSON.stringify(u.labels)),
      col((s) => s.activeSince),
      col((s) => s.firedAt),
      col((s) => s.resolvedAt),
      col((s) => s.lastNotifiedAt),
    ],
  );
}
