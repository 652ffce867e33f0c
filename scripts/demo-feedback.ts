// Demo data for the feedback views: answers posted through the real widget endpoint, with ratings that
// fall as latency rises (users stop calling a page fast around DEMO_T_MS), so the scatter, the per-route
// scores, the calibrated Apdex and the felt-slower list all have something true to show.
// `npm run demo` calls postDemoFeedback(); it is not a CLI by itself.
import type { FeedbackRequest } from '../widget/src/contract';
import { seededRandom } from '../lib/feedback/stats/random';

/** A trace the demo already ingested, to rate with its real duration (links answer -> trace). */
export interface DemoTrace {
  traceId: string; // 32 hex
  route: string;
  release: string;
  durationMs: number;
}

export interface DemoFeedbackOptions {
  baseUrl: string; // the Tailwatch origin
  publicKey: string;
  /** An origin on the project's allowed list (the endpoint refuses others). */
  origin: string;
  /** Answers to post when no traces are given. */
  count?: number;
  traces?: DemoTrace[];
  releases?: string[];
  seed?: number;
}

export interface DemoFeedbackResult {
  sent: number;
  stored: number;
  refused: { status: number; count: number }[];
}

/** The latency at which half the demo users stop answering "fast". */
export const DEMO_T_MS = 800;

// Typical latency per route; in the last release /checkout regressed (x2.5): it should top felt-slower.
const ROUTES: { route: string; path: string; medianMs: number }[] = [
  { route: '/', path: '/', medianMs: 120 },
  { route: '/search', path: '/search', medianMs: 350 },
  { route: '/products/:id', path: '/products/42', medianMs: 250 },
  { route: '/checkout', path: '/checkout', medianMs: 600 },
  { route: '/reports/:id', path: '/reports/7', medianMs: 1800 },
];

const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** A 1..5 rating: satisfied (4-5) with probability 1 / (1 + (latency / T)^3), else 1-3 (worse when slower). */
function rate(latencyMs: number, random: () => number): number {
  const pFast = 1 / (1 + (latencyMs / DEMO_T_MS) ** 3);
  if (random() < pFast) return random() < 0.6 ? 5 : 4;
  return latencyMs > 3 * DEMO_T_MS ? (random() < 0.7 ? 1 : 2) : 1 + Math.floor(random() * 3);
}

function logNormal(median: number, random: () => number): number {
  // Box-Muller; sigma 0.5 gives the long right tail real latencies have.
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(5, Math.round(median * Math.exp(0.5 * z)));
}

function syntheticAnswers(count: number, releases: string[], random: () => number): DemoTrace[] {
  return Array.from({ length: count }, (_, i) => {
    const r = ROUTES[Math.floor(random() * ROUTES.length)];
    const release = releases[Math.floor((i / count) * releases.length)];
    const regressed = r.route === '/checkout' && release === releases[releases.length - 1] && releases.length > 1;
    return { traceId: '', route: r.route, release, durationMs: logNormal(r.medianMs * (regressed ? 2.5 : 1), random) };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts the answers one by one, waiting out 429s (Retry-After, at most 5 s per wait). */
export async function postDemoFeedback(options: DemoFeedbackOptions): Promise<DemoFeedbackResult> {
  const random = seededRandom(options.seed ?? 42);
  const releases = options.releases ?? ['1.4.0', '1.5.0'];
  const answers = options.traces ?? syntheticAnswers(options.count ?? 400, releases, random);
  const refused = new Map<number, number>();
  let stored = 0;
  for (const answer of answers) {
    const rating = rate(answer.durationMs, random);
    const body: FeedbackRequest = {
      v: 1,
      key: options.publicKey,
      rating,
      scale: 5,
      trigger: answer.durationMs > 1000 ? 'slow' : random() < 0.5 ? 'pageviews' : 'control',
      path: ROUTES.find((r) => r.route === answer.route)?.path ?? answer.route,
      timings: { ttfb: Math.round(answer.durationMs * 0.6), interaction: answer.durationMs },
      release: answer.release,
      route: answer.route,
      ...(answer.traceId ? { traceId: answer.traceId } : {}),
      ...(rating <= 2 && random() < 0.3 ? { comment: `${answer.route} took ages (${answer.durationMs} ms)` } : {}),
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await fetch(`${options.baseUrl}/api/v1/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: options.origin, 'user-agent': BROWSER_UA },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      if (response.status === 429) {
        await sleep(Math.min(5, Number(response.headers.get('retry-after') ?? 1)) * 1000);
        continue;
      }
      if (response.status === 204) stored++;
      else refused.set(response.status, (refused.get(response.status) ?? 0) + 1);
      break;
    }
  }
  return { sent: answers.length, stored, refused: [...refused].map(([status, count]) => ({ status, count })) };
}
