import { type FeedbackTrigger, MAX_KEY, SCALE_MAX, SCALE_MIN } from './contract';
import { type PollTexts, textsFromDataset } from './texts';

/** Triggers an embedder can enable; 'control' rides along with 'slow'. */
export type AutoTrigger = Exclude<FeedbackTrigger, 'manual' | 'control'>;

export interface WidgetConfig {
  key: string;
  release?: string;
  endpoint: string;
  scale: number;
  sampleRate: number; // share of visitors who can be asked at all, 0..1
  cooldownMs: number; // minimum time between two polls for one visitor
  triggers: AutoTrigger[];
  pageViews: number; // 'pageviews' asks on this many page views since the last poll
  slowMs: number; // 'slow' asks after an interaction at least this long
  controlRate: number; // share of ordinary interactions asked as 'control' when 'slow' is on
  texts: PollTexts;
}

const DAY_MS = 86_400_000;

/** An out-of-range value is as invalid as a non-number: the default applies. */
function num(raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = parseFloat(raw as string);
  return value >= min && value <= max ? value : fallback;
}

/**
 * Reads the script tag's data-* attributes (as a dataset). Returns undefined without a key.
 * The endpoint is `<script origin>/api/v1/feedback` unless data-endpoint names another URL
 * (resolved against the page, like any URL written in the page).
 */
export function readConfig(
  data: Record<string, string | undefined>,
  scriptSrc: string,
  pageUrl: string,
): WidgetConfig | undefined {
  const key = (data.key || '').trim();
  if (!key || key.length > MAX_KEY) return undefined;
  const triggers = (data.trigger || '')
    .split(/[\s,]+/)
    .filter((t): t is AutoTrigger => t === 'pageviews' || t === 'slow');
  return {
    key,
    release: (data.release || '').trim() || undefined,
    endpoint: data.endpoint
      ? new URL(data.endpoint, pageUrl).href
      : `${new URL(scriptSrc, pageUrl).origin}/api/v1/feedback`,
    scale: Math.round(num(data.scale, 5, SCALE_MIN, SCALE_MAX)),
    sampleRate: num(data.sample, 1, 0, 1),
    cooldownMs: num(data.cooldownDays, 7, 0, 3650) * DAY_MS,
    triggers,
    pageViews: num(data.pageviews, 5, 1, 1000),
    slowMs: num(data.slowMs, 1000, 50, 60_000),
    controlRate: num(data.controlRate, 0.02, 0, 1),
    texts: textsFromDataset(data),
  };
}
