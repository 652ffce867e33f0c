'use client';

import { useQuery } from '@tanstack/react-query';
import type { DeliveryView } from '@/lib/webhooks/endpoints/list-deliveries';
import type { EndpointSummary } from '@/lib/webhooks/endpoints/list-endpoints';
import { projectUrl, requestJson, type Serialized } from '../alerts/api-client';

export type EndpointJson = Serialized<EndpointSummary>;
export type DeliveryJson = Serialized<DeliveryView>;

export const webhookKeys = {
  all: ['webhooks'] as const,
  endpoints: (projectId: number) => [...webhookKeys.all, projectId, 'endpoints'] as const,
  endpoint: (projectId: number, endpointId: string) => [...webhookKeys.endpoints(projectId), endpointId] as const,
  deliveries: (projectId: number, endpointId: string) =>
    [...webhookKeys.endpoint(projectId, endpointId), 'deliveries'] as const,
};

export const endpointPath = (endpointId: string, rest = '') =>
  `/api/v1/webhooks/${encodeURIComponent(endpointId)}${rest}`;

export function useWebhookEndpointsQuery(projectId: number) {
  return useQuery({
    queryKey: webhookKeys.endpoints(projectId),
    queryFn: () => requestJson<{ endpoints: EndpointJson[] }>(projectUrl('/api/v1/webhooks', projectId)),
    select: (data) => data.endpoints,
  });
}

export function useWebhookEndpointQuery(projectId: number, endpointId: string) {
  return useQuery({
    queryKey: webhookKeys.endpoint(projectId, endpointId),
    queryFn: () => requestJson<{ endpoint: EndpointJson }>(projectUrl(endpointPath(endpointId), projectId)),
    select: (data) => data.endpoint,
    refetchInterval: 5_000,
  });
}

/** The delivery log; polls quickly while something is still on its way. */
export function useWebhookDeliveriesQuery(projectId: number, endpointId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(projectId, endpointId),
    queryFn: () =>
      requestJson<{ deliveries: DeliveryJson[] }>(projectUrl(endpointPath(endpointId, '/deliveries'), projectId)),
    select: (data) => data.deliveries,
    refetchInterval: (query) =>
      query.state.data?.deliveries.some((d) => d.status === 'pending' && d.attempts === 0) ? 1_000 : 5_000,
  });
}
