import type { ParsedAlertEvent } from './alert-event';

export interface AlertLinks {
  /** The rule's page: its definition and history. */
  rule: string;
  /** The project dashboard over the evaluated window. */
  dashboard: string;
}

// The only place that knows the dashboard's URL layout, so a route change is a one-file edit.
export function alertLinks(event: ParsedAlertEvent, externalUrl: string): AlertLinks {
  const project = `projects/${encodeURIComponent(event.project.id)}`;
  const rule = new URL(`${project}/alerts/${encodeURIComponent(event.rule.id)}`, withSlash(externalUrl));
  const dashboard = new URL(project, withSlash(externalUrl));
  dashboard.searchParams.set('from', event.window.from.toISOString());
  dashboard.searchParams.set('to', event.window.to.toISOString());
  if (event.labels.service) dashboard.searchParams.set('service', event.labels.service);
  return { rule: rule.toString(), dashboard: dashboard.toString() };
}

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}
