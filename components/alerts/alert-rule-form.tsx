'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ALERT_METRICS, type AlertMetric, METRIC_INFO } from '@/lib/alerts/alert-metrics';
import { COMPARATOR_SYMBOLS, type ComparatorSymbol } from '@/lib/alerts/comparator';
import { GROUP_DIMENSIONS, SEVERITIES, type Severity } from '@/lib/alerts/rule-schema';
import { ApiRequestError } from './api-client';
import { Button, Field, inputClass, Panel } from './form-fields';
import { useDeleteRuleMutation, useSaveRuleMutation } from './mutations';
import { checkRuleForm, conditionFromForm, NEW_RULE_FORM, type RuleFormState } from './rule-form-state';
import { RulePreviewPanel } from './rule-preview-panel';

interface Props {
  projectId: number;
  /** Editing an existing rule; absent for a new one. */
  ruleId?: string;
  initial?: RuleFormState;
}

export function AlertRuleForm({ projectId, ruleId, initial = NEW_RULE_FORM }: Props) {
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveRuleMutation(projectId, ruleId);
  const remove = useDeleteRuleMutation(projectId, ruleId ?? '');
  const set = <K extends keyof RuleFormState>(key: K, value: RuleFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const info = METRIC_INFO[form.metric];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const check = checkRuleForm(form);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    try {
      const { rule } = await save.mutateAsync(check.rule);
      if (!ruleId) router.push(`/projects/${projectId}/alerts/${rule.id}`);
    } catch (error) {
      if (error instanceof ApiRequestError) setErrors({ form: error.message, ...error.fields });
    }
  };

  const destroy = async () => {
    if (!ruleId || !window.confirm('Delete this rule? Its open alerts are resolved first.')) return;
    await remove.mutateAsync();
    router.push(`/projects/${projectId}/alerts`);
  };

  const text = (key: keyof RuleFormState & string, label: string, hint?: string, type = 'text') => (
    <Field id={`rule-${key}`} label={label} hint={hint} error={errors[key] ?? errors[`filters.${key}`]}>
      <input
        id={`rule-${key}`}
        type={type}
        step={type === 'number' ? 'any' : undefined}
        className={inputClass}
        value={String(form[key])}
        onChange={(e) => set(key, e.target.value as never)}
      />
    </Field>
  );

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-label="Alert rule">
      <Panel title="Rule">
        <div className="grid gap-3 md:grid-cols-2">
          {text('name', 'Name')}
          <Field id="rule-severity" label="Severity">
            <select
              id="rule-severity"
              className={inputClass}
              value={form.severity}
              onChange={(e) => set('severity', e.target.value as Severity)}
            >
              {SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </Field>
          <div className="md:col-span-2">
            <Field id="rule-description" label="Description" hint="Sent with every notification.">
              <textarea
                id="rule-description"
                rows={2}
                className={inputClass}
                value={form.description}
                onChange={(e) => set('description', e.target.value)}
              />
            </Field>
          </div>
        </div>
      </Panel>

      <Panel title="Condition">
        <div className="grid gap-3 md:grid-cols-4">
          <div className="md:col-span-2">
            <Field
              id="rule-metric"
              label="Metric"
              hint={
                info.source === 'feedback'
                  ? 'From poll answers: filter by route or release; minimum requests counts answers.'
                  : undefined
              }
            >
              <select
                id="rule-metric"
                className={inputClass}
                value={form.metric}
                onChange={(e) => set('metric', e.target.value as AlertMetric)}
              >
                {ALERT_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {METRIC_INFO[m].label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field id="rule-comparator" label="Comparator">
            <select
              id="rule-comparator"
              className={inputClass}
              value={form.comparator}
              onChange={(e) => set('comparator', e.target.value as ComparatorSymbol)}
            >
              {COMPARATOR_SYMBOLS.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </Field>
          {text('threshold', `Threshold (${info.unit})`, undefined, 'number')}
          {text('windowMinutes', 'Window (minutes)', 'Evaluated over the last N minutes.', 'number')}
          {text('forMinutes', 'For (minutes)', 'Breach must hold this long to fire.', 'number')}
          {text('minRequests', 'Minimum requests', 'Fewer in the window count as no data.', 'number')}
          {text('repeatHours', 'Repeat every (hours)', '0 = notify once while firing.', 'number')}
        </div>
        <div className="mt-3 grid gap-3 md:grid-cols-4">
          {text('service', 'Service', 'Empty = any.')}
          {text('route', 'Route', 'Empty = any.')}
          {text('environment', 'Environment', 'Empty = any.')}
          {text('release', 'Release', 'Empty = any.')}
        </div>
        <fieldset className="mt-3">
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">One alert per</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {GROUP_DIMENSIONS.map((dim) => (
              <label key={dim} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={form.groupBy.includes(dim)}
                  onChange={(e) =>
                    set('groupBy', e.target.checked ? [...form.groupBy, dim] : form.groupBy.filter((d) => d !== dim))
                  }
                />
                {dim}
              </label>
            ))}
          </div>
          {errors.groupBy && <p className="text-xs text-red-600">{errors.groupBy}</p>}
        </fieldset>
      </Panel>

      <RulePreviewPanel projectId={projectId} condition={conditionFromForm(form)} />

      <Panel title="Notification">
        <div className="grid gap-3 md:grid-cols-2">
          <Field
            id="rule-labels"
            label="Labels"
            hint="One name=value per line; added to every notification."
            error={Object.entries(errors).find(([k]) => k.startsWith('labels'))?.[1]}
          >
            <textarea
              id="rule-labels"
              rows={3}
              className={`${inputClass} font-mono`}
              value={form.labels}
              onChange={(e) => set('labels', e.target.value)}
            />
          </Field>
          <label className="flex items-center gap-2 self-start pt-7 text-sm">
            <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
            Enabled (disabling resolves its open alerts)
          </label>
        </div>
      </Panel>

      {errors.form && (
        <p className="text-sm text-red-600" role="alert">
          {errors.form}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : ruleId ? 'Save rule' : 'Create rule'}
        </Button>
        {save.isSuccess && ruleId && <span className="self-center text-sm text-emerald-700">Saved.</span>}
        {ruleId && (
          <Button variant="danger" onClick={destroy} disabled={remove.isPending} className="ml-auto">
            Delete rule
          </Button>
        )}
      </div>
    </form>
  );
}
