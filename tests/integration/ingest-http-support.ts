import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { httpSpans } from '@/lib/ingest/otlp/test-fixtures';

// Helpers for the OTLP/HTTP suites: real SDK spans stamped near "now", exporter callbacks as promises.

/** `count` SDK server spans starting within the last hour (fresh random trace ids each call). */
export function recentSpans(count: number): ReadableSpan[] {
  return httpSpans(count, Math.floor(Date.now() / 1000) - 3600);
}

export interface Exporter<T> {
  export(items: T, done: (r: { code: number; error?: Error }) => void): void;
  shutdown(): Promise<void>;
}

/** Resolves with the SDK's ExportResult code (0 SUCCESS, 1 FAILED) and error. */
export function exportWith<T>(exporter: Exporter<T>, items: T): Promise<{ code: number; error?: Error }> {
  return new Promise((resolve) => exporter.export(items, resolve));
}

export const auth = (key: string) => ({ authorization: `Bearer ${key}` });
