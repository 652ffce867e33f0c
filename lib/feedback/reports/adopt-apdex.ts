import { z } from 'zod';
import type { Queryable } from '../../webhooks/outbox-db';
import { upsertRouteApdex } from '../queries/upsert-route-apdex';

export const adoptApdexSchema = z.object({
  project: z.coerce.number().int().positive(),
  route: z.string().min(1).max(200),
  /** '' = the route in every service. */
  service: z.string().max(200).default(''),
  thresholdMs: z.number().positive().max(600_000).transform(Math.round),
});

export type AdoptApdexInput = z.output<typeof adoptApdexSchema>;

/** Stores a per-route Apdex threshold (typically the fitted T) for the project. */
export async function adoptApdexThreshold(db: Queryable, input: AdoptApdexInput) {
  const thresholdMs = Math.max(1, Math.round(input.thresholdMs));
  const adoptedAt = await upsertRouteApdex(db, input.project, {
    service: input.service,
    route: input.route,
    thresholdMs,
  });
  return { route: input.route, service: input.service, thresholdMs, adoptedAt };
}
