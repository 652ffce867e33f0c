import type { EndpointJson } from './queries';

/** Disabled, breaker open (deliveries paused), or active. */
export function EndpointStatus({ endpoint }: { endpoint: Pick<EndpointJson, 'disabledAt' | 'breaker'> }) {
  const [label, style] = endpoint.disabledAt
    ? ['disabled', 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300']
    : endpoint.breaker.state === 'open'
      ? ['paused: receiver failing', 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200']
      : endpoint.breaker.state === 'half_open'
        ? ['probing', 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200']
        : ['active', 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'];
  return <span className={`inline-flex rounded px-2 py-0.5 text-xs font-medium ${style}`}>{label}</span>;
}
