'use client';

import { useFeedbackFacetsQuery, type FeedbackView } from './queries';
import { selectClass } from './section';

const RANGES = [
  { days: 1, label: 'Last 24 hours' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
];

export function FeedbackFilters({
  projectId,
  view,
  onChange,
}: {
  projectId: number;
  view: FeedbackView;
  onChange: (view: FeedbackView) => void;
}) {
  const facets = useFeedbackFacetsQuery(projectId, view.days);
  const releases = facets.data?.releases ?? [];
  const routes = facets.data?.routes ?? [];
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="feedback-filters">
      <select
        aria-label="Time range"
        className={selectClass}
        value={view.days}
        onChange={(e) => onChange({ ...view, days: Number(e.target.value) })}
      >
        {RANGES.map((r) => (
          <option key={r.days} value={r.days}>
            {r.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Release"
        className={selectClass}
        value={view.release}
        onChange={(e) => onChange({ ...view, release: e.target.value })}
      >
        <option value="">All releases</option>
        {releases.map((r) => (
          <option key={r.name} value={r.name}>
            {r.name || '(none)'} · {r.count}
          </option>
        ))}
      </select>
      <select
        aria-label="Route"
        className={selectClass}
        value={view.route}
        onChange={(e) => onChange({ ...view, route: e.target.value })}
      >
        <option value="">All routes</option>
        {routes.map((r) => (
          <option key={r.name} value={r.name}>
            {r.name || '(none)'} · {r.count}
          </option>
        ))}
      </select>
      {(view.release || view.route) && (
        <button
          type="button"
          className="text-blue-600 hover:underline"
          onClick={() => onChange({ ...view, release: '', route: '' })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
