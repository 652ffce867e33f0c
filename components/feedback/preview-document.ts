import { DEFAULT_POLL_SETTINGS, type PollSettings, widgetDataset } from '@/lib/feedback/poll-config/poll-settings';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `textQuestion` -> `data-text-question`: how a dataset name is written as an attribute. */
export const dataAttribute = (name: string) => `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The script tag attributes for these settings, as if enabled for every release (a preview always shows). */
export function scriptAttributes(key: string, settings: PollSettings, only: 'all' | 'changed' = 'all'): string {
  const data = widgetDataset({ ...settings, enabled: true, releases: [] });
  const defaults = widgetDataset(DEFAULT_POLL_SETTINGS);
  const attributes = [`data-key="${escapeAttribute(key)}"`];
  for (const [name, value] of Object.entries(data)) {
    if (only === 'changed' && defaults[name] === value) continue;
    attributes.push(`${dataAttribute(name)}="${escapeAttribute(value)}"`);
  }
  return attributes.join(' ');
}

/**
 * The document of the settings preview: the real /tw.js configured by the unsaved form values, opened
 * at once. The CSP forbids every connection (fetch, beacons), so the preview can never send an answer;
 * the iframe is sandboxed without same-origin, so "don't ask again" cannot reach the dashboard's storage.
 */
export function previewDocument(scriptUrl: string, key: string, settings: PollSettings): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="connect-src 'none'">
<style>body{font:14px system-ui,sans-serif;margin:0;padding:16px;color:#475569;background:#f8fafc}</style>
</head><body><p>Your page. Nothing is sent from this preview.</p>
<script src="${escapeAttribute(scriptUrl)}" ${scriptAttributes(key, settings)}></script>
<script>window.tailwatch && window.tailwatch.ask({ force: true });</script>
</body></html>`;
}
