import type { Interval } from '@/lib/feedback/stats/interval';
import { formatScore } from './format';

/**
 * A 0-100 score with its 95% interval drawn as a bar, so a wide (uncertain) score looks uncertain.
 * The numbers are in the accessible text; the bar is decoration.
 */
export function ScoreInterval({ score, ci }: { score: number | null; ci: Interval | null }) {
  if (score === null || ci === null) return <span className="text-slate-400">–</span>;
  const tone = score >= 75 ? 'bg-emerald-500' : score >= 50 ? 'bg-amber-500' : 'bg-red-500';
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <span className="w-7 text-right font-semibold tabular-nums">{formatScore(score)}</span>
      <span aria-hidden="true" className="relative inline-block h-2 w-24 rounded bg-slate-200 dark:bg-slate-700">
        <span
          className={`absolute top-0 h-2 rounded opacity-40 ${tone}`}
          style={{ left: `${ci.low}%`, width: `${Math.max(1, ci.high - ci.low)}%` }}
        />
        <span className={`absolute -top-0.5 h-3 w-0.5 ${tone}`} style={{ left: `${score}%` }} />
      </span>
      <span className="text-xs text-slate-500 tabular-nums">
        {formatScore(ci.low)}–{formatScore(ci.high)}
      </span>
    </span>
  );
}
