import type { GroupStats } from '@/lib/feedback/stats/group-stats';
import { formatPercent, formatRho } from './format';
import { ScoreInterval } from './score-interval';

/** Per-release or per-route statistics; a row click filters the page to that group. */
export function StatsTable({
  label,
  rows,
  onPick,
  testId,
}: {
  label: string;
  rows: { key: string; stats: GroupStats }[];
  onPick?: (key: string) => void;
  testId?: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No answers in this range.</p>;
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full text-left text-sm [&_td:first-child]:pl-0 [&_td]:whitespace-nowrap [&_td:last-child]:whitespace-normal [&_td]:px-2 [&_th:first-child]:pl-0 [&_th]:px-2"
        data-testid={testId}
      >
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1.5">{label}</th>
            <th className="text-right">Answers</th>
            <th className="text-right">Mean rating</th>
            <th className="text-right">Satisfied</th>
            <th className="pl-4">Score (95% CI)</th>
            <th title="Spearman's rank correlation of latency and rating: negative = slower feels worse">
              Latency ~ rating ρ
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map(({ key, stats }) => (
            <tr key={key}>
              <td className="py-1.5 font-mono text-xs">
                {onPick ? (
                  <button type="button" className="text-blue-600 hover:underline" onClick={() => onPick(key)}>
                    {key || '(none)'}
                  </button>
                ) : (
                  key || '(none)'
                )}
              </td>
              <td className="text-right tabular-nums">{stats.count}</td>
              <td className="text-right tabular-nums">
                {stats.meanRating === null ? 'mixed scales' : `${stats.meanRating.toFixed(2)} / ${stats.scale}`}
              </td>
              <td className="text-right tabular-nums">{formatPercent(stats.shareSatisfied)}</td>
              <td className="pl-4">
                <ScoreInterval score={stats.score} ci={stats.scoreCi} />
              </td>
              <td className="tabular-nums text-slate-600 dark:text-slate-400">
                {formatRho(stats.latencyRating.rho, stats.latencyRating.n)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
