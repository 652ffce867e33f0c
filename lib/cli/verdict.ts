import { parseArgs } from 'node:util';
import { releaseVerdict, type ReleaseVerdict } from '@/lib/analytics/release-verdict';
import type { MetricComparison } from '@/lib/analytics/verdict-stats';
import { closePool, db } from '@/lib/db/pool';
import { ApiError } from '@/lib/http/api';

// `tailwatch verdict --service S --release R [--baseline B] [--project ID] [--from ISO] [--to ISO] [--json]`
// Exit codes a deploy pipeline can gate on: 1 = a regression (p50/p95/p99 or error rate significantly
// worse), 0 = none (better, no significant change or insufficient data), 2 = bad usage / unknown release.

const USAGE = `Usage: tailwatch verdict --service S --release R [--baseline B] [--project ID]
                         [--environment E] [--from ISO] [--to ISO] [--json]
Compares release R with baseline B (default: the release first seen before R) over the window
(default: the last 7 days). Exits 1 on a regression, 0 otherwise, 2 on bad usage.`;

const WEEK_MS = 7 * 24 * 3600_000;

export async function runVerdict(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        project: { type: 'string' },
        service: { type: 'string' },
        release: { type: 'string' },
        baseline: { type: 'string' },
        environment: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return usage((err as Error).message);
  }
  if (values.help) return usage();
  const service = values.service as string | undefined;
  const release = values.release as string | undefined;
  if (!service || !release) return usage('--service and --release are required');
  const toMs = values.to ? Date.parse(values.to as string) : Date.now();
  const fromMs = values.from ? Date.parse(values.from as string) : toMs - WEEK_MS;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs >= toMs)
    return usage('--from/--to must be ISO-8601 dates, from before to');
  try {
    const projectId = values.project !== undefined ? Number(values.project) : await firstProjectId();
    if (!Number.isSafeInteger(projectId) || (projectId as number) <= 0)
      return usage('--project must be a project id (no project found)');
    const verdict = await releaseVerdict(db(), {
      projectId: projectId as number,
      service,
      release,
      baseline: values.baseline as string | undefined,
      environment: values.environment as string | undefined,
      fromMs,
      toMs,
    });
    process.stdout.write(values.json ? `${JSON.stringify(verdict, null, 2)}\n` : renderTable(verdict));
    return verdict.regression ? 1 : 0;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return usage(err.message);
    throw err;
  } finally {
    await closePool();
  }
}

async function firstProjectId(): Promise<number | null> {
  const { rows } = await db().query<{ id: number }>('SELECT id FROM public.projects ORDER BY id LIMIT 1');
  return rows[0]?.id ?? null;
}

function usage(problem?: string): number {
  if (problem) process.stderr.write(`tailwatch verdict: ${problem}\n`);
  process.stderr.write(`${USAGE}\n`);
  return problem ? 2 : 0;
}

const fmt = (m: MetricComparison, v: number | null) => {
  if (v === null) return '-';
  if (m.unit === 'ratio') return `${(v * 100).toFixed(2)}%`;
  if (m.unit === 'req/s') return `${v.toFixed(2)}/s`;
  return `${v.toFixed(1)} ms`;
};

/** A plain-text table, one line per metric. */
export function renderTable(v: ReleaseVerdict): string {
  const head = `${v.service}: ${v.candidate.release} (${v.candidate.count} requests) vs ${v.baseline ? `${v.baseline.release} (${v.baseline.count} requests)` : 'no baseline'}\n`;
  if (!v.baseline) return `${head}No earlier release to compare with: nothing to judge.\n`;
  const rows = [['metric', 'baseline', 'candidate', 'delta', '95% CI of delta', 'verdict']];
  for (const m of v.metrics) {
    const delta =
      m.delta === null
        ? '-'
        : `${m.delta >= 0 ? '+' : ''}${fmt(m, m.delta)}${m.deltaPct === null ? '' : ` (${m.deltaPct >= 0 ? '+' : ''}${m.deltaPct.toFixed(1)}%)`}`;
    const ci = m.ci ? `[${fmt(m, m.ci[0])}, ${fmt(m, m.ci[1])}]` : '-';
    rows.push([m.metric, fmt(m, m.baseline), fmt(m, m.candidate), delta, ci, m.verdict]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
  return `${head}${lines.join('\n')}\n${v.regression ? 'REGRESSION' : 'no regression'}\n`;
}
