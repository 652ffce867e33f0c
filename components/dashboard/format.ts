// Display formatting: one place for units so tables, tooltips and "view as table" agree.

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  if (ms === 0) return '0 ms';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** Exact value for tooltips: the figure as the API returned it, to 3 decimals. */
export function exactMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  return `${Number(ms.toFixed(3))} ms`;
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return n.toLocaleString('en-US');
}

export function formatRate(perSecond: number): string {
  if (perSecond === 0) return '0 req/s';
  if (perSecond < 0.01) return `${(perSecond * 60).toFixed(2)} req/min`;
  if (perSecond < 10) return `${perSecond.toFixed(2)} req/s`;
  return `${perSecond.toFixed(1)} req/s`;
}

export function formatPercent(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function errorRate(s: { count: number; errorCount: number }): number | null {
  return s.count > 0 ? s.errorCount / s.count : null;
}

/** Local time for display (the viewer's zone); `utcTitle` gives the UTC instant for a title attribute. */
export function formatLocal(iso: string | number, withDate = true): string {
  const d = new Date(iso);
  return d.toLocaleString(undefined, {
    ...(withDate ? { month: 'short', day: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function utcTitle(iso: string | number): string {
  return `${new Date(iso).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

export function formatDelta(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '–';
  const sign = pct > 0 ? '+' : '';
  return `${sign}${pct.toFixed(1)}%`;
}
