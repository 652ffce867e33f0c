import type { GroupDimension } from './rule-schema';

export type SeriesLabels = Partial<Record<GroupDimension, string>>;

/**
 * A series' identity within its rule, from its group-by labels in a fixed order, e.g.
 * `service="checkout",route="POST /pay"`; '' for a rule without group-by (one series).
 */
export function seriesKey(labels: SeriesLabels): string {
  return (Object.keys(labels) as GroupDimension[])
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`)
    .join(',');
}
