import { exactMs, formatCount, formatMs } from './format';
import { type PercentileName, percentileConfidence } from './percentile-confidence';

/** A percentile with its sample count and error bound, so nobody reads a p99 of 12 requests as truth. */
export function PercentileValue({
  name,
  value,
  count,
  align = 'end',
}: {
  name: PercentileName;
  value: number | null;
  count: number;
  align?: 'start' | 'end';
}) {
  const c = percentileConfidence(name, count);
  return (
    <span
      className={`inline-flex flex-col leading-tight ${align === 'end' ? 'items-end' : 'items-start'}`}
      title={`${name} = ${exactMs(value)} over ${formatCount(count)} requests`}
    >
      <span className={c.enough ? 'tabular-nums' : 'tabular-nums text-slate-400 dark:text-slate-500'}>
        {formatMs(value)}
      </span>
      <span className="text-[11px] text-slate-500 dark:text-slate-400" data-confidence={c.enough ? 'ok' : 'low'}>
        n={formatCount(count)} · {c.label}
      </span>
    </span>
  );
}
