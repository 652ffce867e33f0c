import { CopyButton } from '@/components/ui/copy-button';

/** Secrets right after creation: the only time they are visible, said plainly. */
export function SecretsPanel({ secrets }: { secrets: { label: string; value: string }[] }) {
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <p className="text-sm font-medium text-amber-900 dark:text-amber-200">
        Copy these now: secrets are stored hashed and will not be shown again.
      </p>
      {secrets.map((s) => (
        <div key={s.label} className="space-y-1">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">{s.label}</p>
          <div className="flex items-center gap-2">
            <code
              data-secret={s.label}
              className="flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-slate-900"
            >
              {s.value}
            </code>
            <CopyButton text={s.value} what={s.label.toLowerCase()} />
          </div>
        </div>
      ))}
    </div>
  );
}
