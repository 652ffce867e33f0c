'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RulePreview } from '@/lib/alerts/preview';
import type { AlertRuleDefinition, RuleCondition } from '@/lib/alerts/rule-schema';
import type { AlertHistoryEntry } from '@/lib/alerts/rules/list-rule-history';
import type { RuleSeriesState } from '@/lib/alerts/rules/list-rule-states';
import type { RuleSummary } from '@/lib/alerts/rules/list-rules';
import { projectUrl, requestJson, type Serialized } from './api-client';

export type RuleSummaryJson = Serialized<RuleSummary>;
export type RuleJson = Serialized<AlertRuleDefinition>;
export type RuleStateJson = Serialized<RuleSeriesState>;
export type HistoryEntryJson = Serialized<AlertHistoryEntry>;

export const alertKeys = {
  all: ['alerts'] as const,
  rules: (projectId: number) => [...alertKeys.all, projectId, 'rules'] as const,
  rule: (projectId: number, ruleId: string) => [...alertKeys.rules(projectId), ruleId] as const,
  history: (projectId: number, ruleId?: string) => [...alertKeys.all, projectId, 'history', ruleId ?? 'all'] as const,
  preview: (projectId: number, condition: RuleCondition) =>
    [...alertKeys.all, projectId, 'preview', condition] as const,
};

// States change every 30 s (the evaluator's period): refresh on that rhythm while a page is open.
const LIVE_MS = 30_000;
const FIRST_LOOK_MS = 5_000;

export function useAlertRulesQuery(projectId: number) {
  return useQuery({
    queryKey: alertKeys.rules(projectId),
    queryFn: () => requestJson<{ rules: RuleSummaryJson[] }>(projectUrl('/api/v1/alert-rules', projectId)),
    select: (data) => data.rules,
    refetchInterval: LIVE_MS,
  });
}

export function useAlertRuleQuery(projectId: number, ruleId: string) {
  return useQuery({
    queryKey: alertKeys.rule(projectId, ruleId),
    queryFn: () =>
      requestJson<{ rule: RuleJson; states: RuleStateJson[] }>(
        projectUrl(`/api/v1/alert-rules/${encodeURIComponent(ruleId)}`, projectId),
      ),
    // A rule just saved has no state until its first evaluation: look sooner than the usual rhythm.
    refetchInterval: (query) => (query.state.data && query.state.data.states.length === 0 ? FIRST_LOOK_MS : LIVE_MS),
  });
}

export function useAlertHistoryQuery(projectId: number, ruleId?: string) {
  return useQuery({
    queryKey: alertKeys.history(projectId, ruleId),
    queryFn: () =>
      requestJson<{ events: HistoryEntryJson[] }>(
        projectUrl('/api/v1/alert-rules/history', projectId, { rule: ruleId, limit: '100' }),
      ),
    select: (data) => data.events,
    refetchInterval: (query) => (query.state.data && query.state.data.events.length === 0 ? FIRST_LOOK_MS : LIVE_MS),
  });
}

/** The preview of a (possibly unsaved) condition; null condition = the form is not valid yet. */
export function useRulePreviewQuery(projectId: number, condition: RuleCondition | null) {
  return useQuery({
    queryKey: condition ? alertKeys.preview(projectId, condition) : [...alertKeys.all, projectId, 'preview', 'none'],
    queryFn: () =>
      requestJson<{ preview: RulePreview }>(projectUrl('/api/v1/alert-rules/preview', projectId), {
        method: 'POST',
        json: condition,
      }),
    select: (data) => data.preview,
    enabled: condition !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
