import { formatLocal, utcTitle } from '@/components/dashboard/format';

/** Tick labels for a time axis: clock time for ranges up to two days, date + time beyond. */
export function timeTick(rangeMs: number) {
  const withDate = rangeMs > 2 * 86_400_000;
  return (ms: number) => formatLocal(ms, withDate);
}

/** "local (UTC)" for tooltips, which have no hover of their own. */
export function tooltipTime(ms: number): string {
  return `${formatLocal(ms)} · ${utcTitle(ms)}`;
}

export interface ReleaseMarker {
  release: string;
  atMs: number;
}
