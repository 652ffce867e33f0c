'use client';

import type { ReactNode } from 'react';
import type { PollSettings, PollTextsInput } from '@/lib/feedback/poll-config/poll-settings';
import { DEFAULT_TEXTS } from '@/widget/src/texts';

const box =
  'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500 dark:border-slate-700 dark:bg-slate-900';
const input = `w-full ${box}`;

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

const TEXT_LABELS: [keyof PollTextsInput, string][] = [
  ['low', 'Label of the lowest rating'],
  ['high', 'Label of the highest rating'],
  ['comment', 'Comment box'],
  ['send', 'Send button'],
  ['never', '"Don\'t ask again" button'],
  ['close', 'Close button (screen readers)'],
  ['thanks', 'Thank-you message'],
];

const SCALES = [2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The poll's settings; every change goes to `onChange` (the preview follows it live). */
export function PollSettingsForm({ value, onChange }: { value: PollSettings; onChange: (next: PollSettings) => void }) {
  const set = <K extends keyof PollSettings>(name: K, v: PollSettings[K]) => onChange({ ...value, [name]: v });
  const toggleTrigger = (t: 'pageviews' | 'slow', on: boolean) =>
    set('triggers', on ? [...new Set([...value.triggers, t])] : value.triggers.filter((x) => x !== t));
  const number = (raw: string, fallback: number) =>
    raw.trim() === '' || Number.isNaN(Number(raw)) ? fallback : Number(raw);
  return (
    <div className="flex flex-col gap-4">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        Poll enabled
      </label>
      <Field id="poll-question" label="Question">
        <input
          id="poll-question"
          className={input}
          value={value.question}
          placeholder={DEFAULT_TEXTS.question}
          onChange={(e) => set('question', e.target.value)}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="poll-scale" label="Scale">
          <select
            id="poll-scale"
            className={input}
            value={value.scale}
            onChange={(e) => set('scale', Number(e.target.value))}
          >
            {SCALES.map((s) => (
              <option key={s} value={s}>
                1 to {s}
              </option>
            ))}
          </select>
        </Field>
        <Field id="poll-sample" label="Visitors asked (%)" hint="Drawn once per visitor.">
          <input
            id="poll-sample"
            type="number"
            min={0}
            max={100}
            step={1}
            className={input}
            value={Math.round(value.sampleRate * 1000) / 10}
            onChange={(e) => set('sampleRate', Math.min(1, Math.max(0, number(e.target.value, 100) / 100)))}
          />
        </Field>
        <Field id="poll-cooldown" label="Cooldown (days)" hint="Between two polls for one visitor.">
          <input
            id="poll-cooldown"
            type="number"
            min={0}
            max={3650}
            className={input}
            value={value.cooldownDays}
            onChange={(e) => set('cooldownDays', Math.max(0, number(e.target.value, 7)))}
          />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-3 rounded border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">When to ask (besides tailwatch.ask())</legend>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <input
            id="poll-trigger-pageviews"
            type="checkbox"
            checked={value.triggers.includes('pageviews')}
            onChange={(e) => toggleTrigger('pageviews', e.target.checked)}
          />
          <label htmlFor="poll-trigger-pageviews">After</label>
          <input
            aria-label="Page views before asking"
            type="number"
            min={1}
            max={1000}
            className={`${box} w-20`}
            value={value.pageViews}
            onChange={(e) => set('pageViews', Math.max(1, Math.round(number(e.target.value, 5))))}
          />
          <span>page views</span>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <input
            id="poll-trigger-slow"
            type="checkbox"
            checked={value.triggers.includes('slow')}
            onChange={(e) => toggleTrigger('slow', e.target.checked)}
          />
          <label htmlFor="poll-trigger-slow">After an interaction slower than</label>
          <input
            aria-label="Slow threshold in milliseconds"
            type="number"
            min={50}
            max={60000}
            className={`${box} w-24`}
            value={value.slowMs}
            onChange={(e) => set('slowMs', Math.min(60_000, Math.max(50, Math.round(number(e.target.value, 1000)))))}
          />
          <span>ms, and</span>
          <input
            aria-label="Control rate in percent"
            type="number"
            min={0}
            max={100}
            step={0.5}
            className={`${box} w-20`}
            value={Math.round(value.controlRate * 1000) / 10}
            onChange={(e) => set('controlRate', Math.min(1, Math.max(0, number(e.target.value, 2) / 100)))}
          />
          <span>% of ordinary interactions as a control group</span>
        </div>
      </fieldset>
      <Field id="poll-releases" label="Releases" hint="Space- or comma-separated; empty = every release.">
        <input
          id="poll-releases"
          className={input}
          value={value.releases.join(' ')}
          onChange={(e) => set('releases', e.target.value.split(/[\s,]+/).filter(Boolean))}
        />
      </Field>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">Texts</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {TEXT_LABELS.map(([name, label]) => (
            <Field key={name} id={`poll-text-${name}`} label={label}>
              <input
                id={`poll-text-${name}`}
                className={input}
                value={value.texts[name] ?? ''}
                placeholder={DEFAULT_TEXTS[name]}
                onChange={(e) => set('texts', { ...value.texts, [name]: e.target.value })}
              />
            </Field>
          ))}
        </div>
      </details>
    </div>
  );
}
