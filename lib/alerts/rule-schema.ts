import { z } from 'zod';
import { labelName } from '../webhooks/alert-event';
import { ALERT_METRICS, type AlertMetric, METRIC_INFO } from './alert-metrics';
import { COMPARATOR_SYMBOLS } from './comparator';

// One schema for a rule as the API and the form send it; the evaluator works on the parsed form.

export const GROUP_DIMENSIONS = ['service', 'route', 'environment', 'release'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const MIN_WINDOW_SECONDS = 60;
export const MAX_WINDOW_SECONDS = 24 * 3600;
export const DEFAULT_REPEAT_INTERVAL_SECONDS = 4 * 3600;

// Names we add to notifications ourselves; a rule label must not shadow them.
const RESERVED_LABELS = new Set(['alertname', 'severity', ...GROUP_DIMENSIONS]);

const filterValue = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((v) => (v ? v : null));

export const ruleFiltersSchema = z
  .object({ service: filterValue, route: filterValue, environment: filterValue, release: filterValue })
  .default({ service: null, route: null, environment: null, release: null });
export type RuleFilters = z.output<typeof ruleFiltersSchema>;

const ruleLabelName = labelName.refine((name) => !RESERVED_LABELS.has(name) && !name.startsWith('tailwatch_'), {
  message: 'this label name is set by Tailwatch',
});

const conditionShape = {
  metric: z.enum(ALERT_METRICS),
  filters: ruleFiltersSchema,
  groupBy: z
    .array(z.enum(GROUP_DIMENSIONS))
    .max(GROUP_DIMENSIONS.length)
    .default([])
    .refine((dims) => new Set(dims).size === dims.length, { message: 'a dimension is listed twice' }),
  comparator: z.enum(COMPARATOR_SYMBOLS),
  threshold: z.number().finite(),
  windowSeconds: z.number().int().min(MIN_WINDOW_SECONDS).max(MAX_WINDOW_SECONDS).default(300),
  forSeconds: z.number().int().min(0).max(MAX_WINDOW_SECONDS).default(0),
  minRequests: z.number().int().min(1).max(1_000_000).default(1),
};

interface ConditionFields {
  metric: AlertMetric;
  filters: RuleFilters;
  groupBy: GroupDimension[];
}

// Combinations the data cannot answer are refused up front instead of evaluating as "no data" forever.
function checkCondition(value: ConditionFields, ctx: z.RefinementCtx): void {
  const source = METRIC_INFO[value.metric].source;
  if (source === 'release') {
    if (value.groupBy.includes('release')) {
      ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'a release regression compares releases itself' });
    }
    if (value.filters.release) {
      ctx.addIssue({ code: 'custom', path: ['filters', 'release'], message: 'a release regression picks the release' });
    }
  }
  if (source === 'feedback') {
    for (const dim of ['service', 'environment'] as const) {
      if (value.groupBy.includes(dim) || value.filters[dim]) {
        ctx.addIssue({
          code: 'custom',
          path: ['groupBy'],
          message: `poll answers carry route and release, not ${dim}`,
        });
      }
    }
  }
  if (source === 'gauge') {
    if (value.groupBy.includes('route')) {
      ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'queue depth gauges have no route' });
    }
    if (value.filters.route) {
      ctx.addIssue({ code: 'custom', path: ['filters', 'route'], message: 'queue depth gauges have no route' });
    }
  }
}

/** What the preview needs: the condition without names, severity or notification settings. */
export const ruleConditionSchema = z.object(conditionShape).superRefine(checkCondition);
export type RuleCondition = z.output<typeof ruleConditionSchema>;

export const ruleInputSchema = z
  .object({
    ...conditionShape,
    name: z.string().trim().min(1, 'a rule needs a name').max(120),
    description: z.string().trim().max(2000).default(''),
    enabled: z.boolean().default(true),
    repeatIntervalSeconds: z
      .number()
      .int()
      .refine((s) => s === 0 || (s >= 300 && s <= 7 * 24 * 3600), {
        message: 'repeat every 5 minutes to 7 days, or 0 for never',
      })
      .default(DEFAULT_REPEAT_INTERVAL_SECONDS),
    severity: z.enum(SEVERITIES).default('warning'),
    labels: z
      .record(ruleLabelName, z.string().max(500))
      .default({})
      .refine((labels) => Object.keys(labels).length <= 20, { message: 'at most 20 labels' }),
  })
  .superRefine(checkCondition);

export type RuleInput = z.input<typeof ruleInputSchema>;
export type ParsedRuleInput = z.output<typeof ruleInputSchema>;

/** A stored rule as the evaluator and the API use it. */
export interface AlertRuleDefinition extends ParsedRuleInput {
  id: string;
  projectId: number;
  createdAt: Date;
  updatedAt: Date;
}
