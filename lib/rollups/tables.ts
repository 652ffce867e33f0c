import type { Tier } from './aggregate';

// The rollup tables, by level and tier: the one place their names live (writers, reads, retention).
// Identifiers cannot be bound parameters, so SQL takes table names from this fixed map only.

/** Route level: a row per (service, environment, release, route, method); service level: route = method = ''. */
export type RollupLevel = 'route' | 'service';

/** Only the service level has a 5-minute tier (series at 5-minute steps over all routes). */
export const ROLLUP_TABLES: Record<RollupLevel, Partial<Record<Tier, string>>> = {
  route: { minute: 'telemetry.rollup_minute', hour: 'telemetry.rollup_hour', day: 'telemetry.rollup_day' },
  service: {
    minute: 'telemetry.rollup_service_minute',
    fiveMinute: 'telemetry.rollup_service_5min',
    hour: 'telemetry.rollup_service_hour',
    day: 'telemetry.rollup_service_day',
  },
};

/** The table of a level's tier; throws for a tier the level does not have. */
export function rollupTable(level: RollupLevel, tier: Tier): string {
  const table = ROLLUP_TABLES[level][tier];
  if (!table) throw new Error(`no ${tier} rollups at the ${level} level`);
  return table;
}
