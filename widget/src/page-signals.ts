import type { FeedbackTimings } from './contract';
import { estimateInp } from './interaction';
import { parseTraceparent } from './traceparent';

type ServerTimed = PerformanceEntry & { serverTiming?: readonly { name: string; description: string }[] };
type EventEntry = PerformanceEntry & { interactionId?: number };

export interface PageSignals {
  timings(): FeedbackTimings;
  /** The trace id of the latest response that exposed a traceparent, else the page's <meta name="traceparent">. */
  trace(): string | undefined;
}

function observe(type: string, onEntries: (entries: PerformanceEntry[]) => void, extra?: object): void {
  // Asking for an unsupported type logs a warning in the host's console: check first.
  const P = self.PerformanceObserver;
  if (P && (P.supportedEntryTypes || []).includes(type)) {
    new P((list) => onEntries(list.getEntries())).observe({ type, buffered: true, ...extra });
  }
}

/** Reads the convention `Server-Timing: traceparent;desc="00-…"` from a resource entry (fetch, XHR). */
function serverTrace(entry: ServerTimed): string | undefined {
  const st = (entry.serverTiming || []).find((t) => t.name === 'traceparent');
  return st ? parseTraceparent(st.description) : undefined;
}

/**
 * Watches the page's performance timeline. onInteraction gets each user interaction that happened
 * after start (its longest event duration), so the slow trigger reacts to what the user just did.
 */
export function watchPage(onInteraction: (durationMs: number) => void): PageSignals {
  const start = performance.now();
  const interactions = new Map<number, number>(); // interactionId -> longest event duration
  let lcp: number | undefined;
  let seen: string | undefined;
  observe('largest-contentful-paint', (entries) => {
    lcp = entries[entries.length - 1].startTime;
  });
  observe('resource', (entries) => {
    for (const entry of entries) seen = serverTrace(entry) || seen;
  });
  observe(
    'event',
    (entries) => {
      // One interaction (pointerdown, pointerup, click) reports several entries, sometimes in separate
      // batches (a busy page): keep the longest, and report the interaction again when it grew.
      const grown = new Set<number>();
      for (const e of entries as EventEntry[]) {
        const id = e.interactionId || 0;
        const before = interactions.get(id) || 0;
        if (id && e.duration > before) {
          interactions.set(id, e.duration);
          if (e.startTime >= start) grown.add(id);
        }
      }
      grown.forEach((id) => {
        onInteraction(interactions.get(id) as number);
      });
    },
    { durationThreshold: 16 },
  );
  const nav = () => performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    timings() {
      const n = nav() || ({} as Partial<PerformanceNavigationTiming>);
      return {
        ttfb: n.responseStart,
        domContentLoaded: n.domContentLoadedEventEnd,
        load: n.loadEventEnd, // 0 (so left out) until the load event has finished
        lcp,
        inp: estimateInp(interactions.values()),
      };
    },
    trace() {
      const meta = document.querySelector<HTMLMetaElement>('meta[name="traceparent"]');
      // biome-ignore lint/complexity/useOptionalChain: es2019 lowers ?. to longer code; the bundle has a 4 KB budget
      return seen || parseTraceparent(meta && meta.content);
    },
  };
}
