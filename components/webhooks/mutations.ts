'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointInput, EndpointPatch } from '@/lib/webhooks/endpoints/endpoint-schema';
import { projectUrl, requestJson } from '../alerts/api-client';
import { type EndpointJson, endpointPath, webhookKeys } from './queries';

export interface CreatedEndpoint {
  endpoint: EndpointJson;
  /** Shown once: the API never returns it again. */
  secret: string;
}

function useInvalidateEndpoints(projectId: number) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: webhookKeys.endpoints(projectId) });
}

export function useCreateEndpointMutation(projectId: number) {
  const invalidate = useInvalidateEndpoints(projectId);
  return useMutation({
    mutationFn: (input: EndpointInput) =>
      requestJson<CreatedEndpoint>(projectUrl('/api/v1/webhooks', projectId), { method: 'POST', json: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateEndpointMutation(projectId: number, endpointId: string) {
  const invalidate = useInvalidateEndpoints(projectId);
  return useMutation({
    mutationFn: (patch: EndpointPatch) =>
      requestJson<{ endpoint: EndpointJson }>(projectUrl(endpointPath(endpointId), projectId), {
        method: 'PATCH',
        json: patch,
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteEndpointMutation(projectId: number, endpointId: string) {
  const invalidate = useInvalidateEndpoints(projectId);
  return useMutation({
    mutationFn: () => requestJson<void>(projectUrl(endpointPath(endpointId), projectId), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useRotateSecretMutation(projectId: number, endpointId: string) {
  const invalidate = useInvalidateEndpoints(projectId);
  return useMutation({
    mutationFn: () =>
      requestJson<CreatedEndpoint>(projectUrl(endpointPath(endpointId, '/rotate-secret'), projectId), {
        method: 'POST',
      }),
    onSuccess: invalidate,
  });
}

export function useSendTestEventMutation(projectId: number, endpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestJson<{ messageId: string; webhookId: string }>(projectUrl(endpointPath(endpointId, '/test'), projectId), {
        method: 'POST',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.deliveries(projectId, endpointId) }),
  });
}

export function useRedeliverMutation(projectId: number, endpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      requestJson<{ messageId: string }>(
        projectUrl(endpointPath(endpointId, `/deliveries/${encodeURIComponent(messageId)}/redeliver`), projectId),
        { method: 'POST' },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.deliveries(projectId, endpointId) }),
  });
}
