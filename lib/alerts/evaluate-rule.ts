import type pg from 'pg';
import { inTransaction } from '../webhooks/outbox-db';
import { type ApplyResult, applyEvaluation, type ObservedSeries } from './apply-evaluation';
import type { AlertRuleDefinition } from './rule-schema';
import { computeSeriesValues } from './series-values';

export interface RuleEvaluationContext {
  pool: pg.Pool;
  now: Date;
  projectName: string;
  externalUrl: string;
  queueGauges?: readonly string[];
}

/**
 * Evaluates one rule at `now`: its metric per series from the rollups (outside any transaction), then
 * the state changes, history and outbox messages in one transaction. A disabled rule observes nothing,
 * which resolves whatever it still had open.
 */
export async function evaluateRule(rule: AlertRuleDefinition, ctx: RuleEvaluationContext): Promise<ApplyResult> {
  let observed: ObservedSeries[] = [];
  if (rule.enabled) {
    const series = await computeSeriesValues({ db: ctx.pool, queueGauges: ctx.queueGauges }, rule.projectId, rule, [
      ctx.now.getTime(),
    ]);
    observed = [...series].map(([key, s]) => ({
      key,
      labels: s.labels,
      value: s.values[0],
      annotations: s.annotations,
    }));
  }
  return inTransaction(ctx.pool, (client) =>
    applyEvaluation(client, rule, observed, {
      now: ctx.now,
      projectName: ctx.projectName,
      externalUrl: ctx.externalUrl,
    }),
  );
}
