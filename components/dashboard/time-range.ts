// The dashboard's time range, as kept in the URL: a preset relative to now, or an absolute custom range.
// Pure functions so the URL round-trip and the step choice are unit-tested.

export const RANGE_PRESETS = [
  { key: '15m', label: '15 m', ms: 15 * 60_000 },
  { key: '1h', label: '1 h', ms: 3_600_000 },
  { key: '6h', label: '6 h', ms: 6 * 3_600_000 },
  { key: '24h', label: '24 h', ms: 24 * 3_600_000 },
  { key: '7d', label: '7 d', ms: 7 * 86_400_000 },
  { key: '30d', label: '30 d', ms: 30 * 86_400_000 },
] as const;

export type PresetKey = (typeof RANGE_PRESETS)[number]['key'];
export type RangeKey = PresetKey | 'custom';
export const DEFAULT_RANGE: PresetKey = '24h';

export const REFRESH_OPTIONS = [
  { key: 'off', label: 'Off', ms: 0 },
  { key: '10s', label: '10 s', ms: 10_000 },
  { key: '30s', label: '30 s', ms: 30_000 },
  { key: '1m', label: '1 min', ms: 60_000 },
] as const;
export type RefreshKey = (typeof REFRESH_OPTIONS)[number]['key'];

/** Everything the URL says about the view; '' = not filtered. */
export interface DashboardView {
  range: RangeKey;
  /** Only for range = custom: ISO-8601 instants. */
  from: string;
  to: string;
  environment: string;
  release: string;
  refresh: RefreshKey;
}

export interface ResolvedRange {
  fromMs: number;
  toMs: number;
}

const MINUTE = 60_000;

export function parseView(params: { get(name: string): string | null }): DashboardView {
  const rawRange = params.get('range') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const customOk = rawRange === 'custom' && isInstant(from) && isInstant(to) && Date.parse(from) < Date.parse(to);
  const range: RangeKey = customOk ? 'custom' : (RANGE_PRESETS.find((p) => p.key === rawRange)?.key ?? DEFAULT_RANGE);
  const rawRefresh = params.get('refresh') ?? '';
  return {
    range,
    from: range === 'custom' ? from : '',
    to: range === 'custom' ? to : '',
    environment: params.get('env') ?? '',
    release: params.get('release') ?? '',
    refresh: REFRESH_OPTIONS.find((r) => r.key === rawRefresh)?.key ?? 'off',
  };
}

/** The URL parameters for a view; defaults are left out so links stay short. */
export function viewToParams(view: DashboardView, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const k of ['range', 'from', 'to', 'env', 'release', 'refresh']) out.delete(k);
  if (view.range !== DEFAULT_RANGE) out.set('range', view.range);
  if (view.range === 'custom') {
    out.set('from', view.from);
    out.set('to', view.to);
  }
  if (view.environment) out.set('env', view.environment);
  if (view.release) out.set('release', view.release);
  if (view.refresh !== 'off') out.set('refresh', view.refresh);
  return out;
}

/**
 * Absolute range for a view. Presets end at `nowMs` rounded down to the minute (the API's finest tier),
 * so every query of one render shares the same range and cache keys stay stable within a minute.
 */
export function resolveRange(view: DashboardView, nowMs: number): ResolvedRange {
  if (view.range === 'custom') return { fromMs: Date.parse(view.from), toMs: Date.parse(view.to) };
  const preset = RANGE_PRESETS.find((p) => p.key === view.range) ?? RANGE_PRESETS[3];
  const toMs = Math.floor(nowMs / MINUTE) * MINUTE + MINUTE;
  return { fromMs: toMs - preset.ms, toMs };
}

const FRIENDLY_STEPS_S = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

const HOUR_TIER_FROM_MS = 6 * 3_600_000;

/**
 * Chart step in seconds: about `points` steps over the range, in whole minutes (API minimum 60 s). Past
 * 6 h the step is at least an hour: sub-hour steps must merge every minute rollup of the range (24 h at
 * 15 min costs ~1 s on the benchmark dataset, at 1 h ~0.1 s; see docs/architecture.md, Queries).
 */
export function stepFor(range: ResolvedRange, points = 120): number {
  const rangeMs = range.toMs - range.fromMs;
  const wanted = rangeMs / points / 1000;
  const step = FRIENDLY_STEPS_S.find((s) => s >= wanted) ?? Math.ceil(wanted / 86400) * 86400;
  return rangeMs > HOUR_TIER_FROM_MS ? Math.max(step, 3600) : step;
}

export function refreshMs(key: RefreshKey): number {
  return REFRESH_OPTIONS.find((r) => r.key === key)?.ms ?? 0;
}

function isInstant(s: string): boolean {
  return s !== '' && !Number.isNaN(Date.parse(s)) && /T.*(Z|[+-]\d\d:?\d\d)$/.test(s);
}
