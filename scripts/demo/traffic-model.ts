// The demo's make-believe shop: four services, their routes and typical latencies, three storefront
// releases of which the newest one regressed POST /checkout. Everything is seeded, so two runs look alike.
import { seededRandom } from '../../lib/feedback/stats/random';

export interface RouteModel {
  method: string;
  route: string;
  path: string;
  medianMs: number;
  errorRate: number;
  weight: number; // share of the service's traffic
  downstream?: { service: string; route: string; method: string };
}

export interface ServiceModel {
  name: string;
  kind: 'server' | 'consumer';
  routes: RouteModel[];
}

export const SERVICES: ServiceModel[] = [
  {
    name: 'storefront',
    kind: 'server',
    routes: [
      { method: 'GET', route: '/', path: '/', medianMs: 45, errorRate: 0.001, weight: 30 },
      { method: 'GET', route: '/search', path: '/search', medianMs: 140, errorRate: 0.004, weight: 25, downstream: { service: 'catalog', route: '/items/search', method: 'GET' } },
      { method: 'GET', route: '/products/:id', path: '/products/42', medianMs: 90, errorRate: 0.002, weight: 30, downstream: { service: 'catalog', route: '/items/:id', method: 'GET' } },
      { method: 'POST', route: '/checkout', path: '/checkout', medianMs: 260, errorRate: 0.01, weight: 10, downstream: { service: 'payments', route: '/charges', method: 'POST' } },
      { method: 'GET', route: '/reports/:id', path: '/reports/7', medianMs: 900, errorRate: 0.005, weight: 5 },
    ],
  },
  { name: 'catalog', kind: 'server', routes: [] },
  { name: 'payments', kind: 'server', routes: [] },
  {
    name: 'orders-worker',
    kind: 'consumer',
    routes: [{ method: '', route: 'orders process', path: '', medianMs: 35, errorRate: 0.003, weight: 1 }],
  },
];

/** Storefront releases and when each went out, as offsets from "now" in hours. */
export const RELEASES = [
  { version: '1.4.0', fromHoursAgo: 24 },
  { version: '1.5.0', fromHoursAgo: 14 },
  { version: '1.6.0', fromHoursAgo: 3 },
];
export const REGRESSED = { release: '1.6.0', route: '/checkout', factor: 2.5, errorRate: 0.04 };
export const DOWNSTREAM_RELEASE: Record<string, string> = { catalog: '3.2.0', payments: '2.8.1', 'orders-worker': '0.9.4' };

export function releaseAt(t: number, now: number): string {
  let current = RELEASES[0].version;
  for (const r of RELEASES) if (t >= now - r.fromHoursAgo * 3_600_000) current = r.version;
  return current;
}

/** Storefront requests per minute at time t: a daily curve between ~20 and ~60. */
export function requestsPerMinute(t: number): number {
  const hour = new Date(t).getUTCHours() + new Date(t).getUTCMinutes() / 60;
  return Math.round(40 + 20 * Math.sin(((hour - 9) / 24) * 2 * Math.PI));
}

/** Latency with the long right tail real services have (lognormal, sigma 0.55). */
export function logNormal(median: number, random: () => number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(1, median * Math.exp(0.55 * z));
}

export function pickRoute(routes: RouteModel[], random: () => number): RouteModel {
  const total = routes.reduce((s, r) => s + r.weight, 0);
  let x = random() * total;
  for (const r of routes) {
    x -= r.weight;
    if (x <= 0) return r;
  }
  return routes[routes.length - 1];
}

export const demoRandom = (seed: number) => seededRandom(seed);
