'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StoredPollSettings } from '@/lib/feedback/poll-config/get-poll-settings';
import type { PollSettings } from '@/lib/feedback/poll-config/poll-settings';
import { requestJson, type Serialized } from '../alerts/api-client';
import { feedbackKeys } from './queries';

export function useAdoptApdexMutation(projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { route: string; service: string; thresholdMs: number }) =>
      requestJson<{ adopted: { route: string; service: string; thresholdMs: number } }>(
        '/api/v1/feedback/apdex/adopt',
        {
          method: 'POST',
          json: { project: projectId, ...input },
        },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [...feedbackKeys.project(projectId), 'apdex'] }),
  });
}

export function useSavePollConfigMutation(projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: PollSettings) =>
      requestJson<Serialized<StoredPollSettings>>('/api/v1/poll-config', {
        method: 'PUT',
        json: { project: projectId, settings },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.pollConfig(projectId) }),
  });
}

export function useSaveAllowedOriginsMutation(projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (allowedOrigins: string[]) =>
      requestJson<{ allowedOrigins: string[] }>('/api/v1/poll-config/allowed-origins', {
        method: 'PUT',
        json: { project: projectId, allowedOrigins },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.pollConfig(projectId) }),
  });
}
