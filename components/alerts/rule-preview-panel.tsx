'use client';

import type { RuleCondition } from '@/lib/alerts/rule-schema';
import { Panel } from './form-fields';
import { useRulePreviewQuery } from './queries';
import { RulePreviewChart } from './rule-preview-chart';
import { useDebouncedValue } from './use-debounced-value';

/** Where the condition being edited would have fired over the last 24 h. */
export function RulePreviewPanel({ projectId, condition }: { projectId: number; condition: RuleCondition | null }) {
  const settled = useDebouncedValue(condition, 400);
  const preview = useRulePreviewQuery(projectId, settled);
  const fires = preview.data?.series.reduce((n, s) => n + s.fires.length, 0) ?? 0;
  return (
    <Panel title="Preview: last 24 hours">
      {!condition && <p className="text-sm text-slate-500">Complete the condition to see the preview.</p>}
      {preview.error && (
        <p className="text-sm text-red-600" role="alert">
          {preview.error.message}
        </p>
      )}
      {preview.data && (
        <>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400" data-testid="preview-summary">
            {preview.data.series.length === 0
              ? 'No data matches these filters in the last 24 hours.'
              : fires === 0
                ? `Would not have fired (${preview.data.series.length} series evaluated).`
                : `Would have fired ${fires} time${fires === 1 ? '' : 's'} (shaded).`}
            {preview.data.omittedSeries > 0 && ` ${preview.data.omittedSeries} more series not shown.`}
            {preview.isFetching && ' Updating…'}
          </p>
          <RulePreviewChart preview={preview.data} threshold={settled?.threshold ?? null} />
        </>
      )}
      {preview.isPending && condition && <p className="text-sm text-slate-500">Evaluating…</p>}
    </Panel>
  );
}
