import type pg from 'pg';
import { withSessionLock } from '../db/transaction';
import { log } from '../log';
import type { ApplyResult } from './apply-evaluation';
import { evaluateRule } from './evaluate-rule';
import { RULE_COLUMNS, type RuleRow, ruleFromRow } from './rules/rule-row';

/** Advisory lock (session level) that makes one instance at a time run the evaluator. */
export const EVALUATOR_LOCK = 'tailwatch.alert-evaluator';

export interface EvaluatorOptions {
  pool: pg.Pool;
  externalUrl: string;
  now?: Date;
  queueGauges?: readonly string[];
  signal?: AbortSignal;
  /**
   * Skip the pass when another instance evaluated less than this long before `now`. Every instance
   * ticks every 30 s with its own phase; without this, N instances would evaluate N times per period.
   */
  minIntervalMs?: number;
}

export interface EvaluatorRun extends ApplyResult {
  /** False when another instance holds the lock or evaluated moments ago. */
  ran: boolean;
  rules: number;
  failedRules: number;
}

// Disabled rules are still visited while a series is pending or firing: with no observations, those
// resolve (and notify), so disabling a rule never leaves an alert open in the receiver.
const RULES = `
SELECT ${RULE_COLUMNS}, p.name AS project_name
FROM alert_rules r JOIN projects p ON p.id = r.project_id
WHERE r.enabled
   OR EXISTS (SELECT 1 FROM alert_states s WHERE s.rule_id = r.id AND s.status IN ('pending', 'firing'))
ORDER BY r.id`;

const LAST_PASS = 'SELECT max(evaluated_at) AS at FROM alert_states';

/** Evaluates every rule once at `now` (default: the clock), if this instance gets the lock. */
export async function evaluateAllRules(options: EvaluatorOptions): Promise<EvaluatorRun> {
  const run: EvaluatorRun = { ran: false, rules: 0, failedRules: 0, transitions: 0, notifications: 0, messages: 0 };
  const now = options.now ?? new Date();
  // Another instance holding the lock evaluates this round; `run.ran` stays false here.
  await withSessionLock(options.pool, EVALUATOR_LOCK, async () => {
    const last = (await options.pool.query<{ at: Date | null }>(LAST_PASS)).rows[0].at;
    if (last && now.getTime() - last.getTime() < (options.minIntervalMs ?? 0)) return;
    run.ran = true;
    const rules = await options.pool.query<RuleRow & { project_name: string }>(RULES);
    for (const row of rules.rows) {
      if (options.signal?.aborted) break;
      const rule = ruleFromRow(row);
      run.rules++;
      try {
        const applied = await evaluateRule(rule, {
          pool: options.pool,
          now,
          projectName: row.project_name,
          externalUrl: options.externalUrl,
          queueGauges: options.queueGauges,
        });
        run.transitions += applied.transitions;
        run.notifications += applied.notifications;
        run.messages += applied.messages;
      } catch (err) {
        // One broken rule must not stop the others.
        run.failedRules++;
        log.error({ err, ruleId: rule.id, projectId: rule.projectId }, 'alert rule evaluation failed');
      }
    }
  });
  return run;
}
