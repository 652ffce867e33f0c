import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';

/** How to point an OpenTelemetry SDK at this instance. */
export function OtelSnippet({ endpoint }: { endpoint: string }) {
  const text = `OTEL_EXPORTER_OTLP_ENDPOINT=${endpoint}
OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<ingest key>
OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf`;
  return (
    <Card title="Send data" actions={<CopyButton text={text} what="OpenTelemetry settings" />}>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        Set these in the environment of any OpenTelemetry SDK or Collector (the space after Bearer is written %20 in the
        environment variable). Both http/protobuf and http/json work, gzip or not.
      </p>
      <pre className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800">{text}</pre>
    </Card>
  );
}
