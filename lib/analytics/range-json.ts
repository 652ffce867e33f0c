import type { ReadFilters } from './filters';
import { alignToMinutes } from './tier-plan';

/** The minute-aligned range a response covers, as ISO-8601 strings. */
export function rangeOf(filters: ReadFilters): { from: string; to: string } {
  const { fromMs, toMs } = alignToMinutes(filters.fromMs, filters.toMs);
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
}
