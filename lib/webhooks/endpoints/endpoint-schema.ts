import { z } from 'zod';

export const WEBHOOK_FORMATS = ['tailwatch', 'alertmanager'] as const;

export const endpointInputSchema = z.object({
  name: z.string().trim().min(1, 'an endpoint needs a name').max(120),
  url: z.string().trim().min(1, 'an endpoint needs a URL').max(2000),
  format: z.enum(WEBHOOK_FORMATS).default('tailwatch'),
});
export type EndpointInput = z.input<typeof endpointInputSchema>;

export const endpointPatchSchema = endpointInputSchema.partial().extend({
  /** false disables the endpoint (pending messages are cancelled); true re-enables it with a fresh breaker. */
  enabled: z.boolean().optional(),
});
export type EndpointPatch = z.input<typeof endpointPatchSchema>;
