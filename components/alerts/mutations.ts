'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RuleInput } from '@/lib/alerts/rule-schema';
import { projectUrl, requestJson } from './api-client';
import { alertKeys, type RuleJson } from './queries';

/** Creates (no ruleId) or replaces a rule. */
export function useSaveRuleMutation(projectId: number, ruleId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleInput) =>
      requestJson<{ rule: RuleJson }>(
        projectUrl(ruleId ? `/api/v1/alert-rules/${encodeURIComponent(ruleId)}` : '/api/v1/alert-rules', projectId),
        { method: ruleId ? 'PUT' : 'POST', json: input },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.rules(projectId) }),
  });
}

export function useDeleteRuleMutation(projectId: number, ruleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestJson<void>(projectUrl(`/api/v1/alert-rules/${encodeURIComponent(ruleId)}`, projectId), {
        method: 'DELETE',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
