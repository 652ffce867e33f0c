import { z } from 'zod';
import { readFilterShape, toReadFilters } from '@/lib/analytics/read-params';
import { releaseVerdict } from '@/lib/analytics/release-verdict';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/releases/verdict?project=&service=&release=&baseline=&environment=&from=&to=
// -> { service, from, to, confidence: 0.95, regression,
//      candidate: { release, from, to, firstSeen, lastSeen, count, errorCount }, baseline: {...} | null,
//      metrics: [{ metric: p50|p95|p99|errorRate|throughput, unit, baseline, candidate, delta, deltaPct,
//                  ci: [lo, hi] | null, verdict: better|worse|no significant change|insufficient data }] }
// baseline defaults to the release first seen before `release`. The candidate is measured over from..to
// (default: the last 7 days), the baseline over its own last 7 days of traffic up to `to`.
// regression = p50/p95/p99 or error rate significantly worse. Unknown release -> 404.
const schema = z.object({
  project: readFilterShape.project,
  service: z.string({ message: 'required' }).trim().min(1, 'required'),
  release: z.string({ message: 'required' }).trim().min(1, 'required'),
  baseline: readFilterShape.release,
  environment: readFilterShape.environment,
  from: readFilterShape.from,
  to: readFilterShape.to,
});

export const GET = route(async (request) => {
  const q = parseQuery(schema, request);
  const filters = toReadFilters(q, 7 * 24 * 3600_000);
  await authorizeProject(request, filters.projectId);
  const verdict = await releaseVerdict(db(), {
    ...filters,
    service: q.service,
    release: q.release,
    baseline: q.baseline,
  });
  return jsonWithEtag(request, verdict, 10);
});
