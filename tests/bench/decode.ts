// OTLP decode throughput on 100-span batches from the real SDK + otlp-transformer serializers.
// otlp-transformer has no request deserializer, so JSON.parse of the same batch is the baseline.
// Run: npx tsx tests/bench/decode.ts
import { performance } from 'node:perf_hooks';
import { decodeTraces } from '../../lib/ingest/otlp';
import { httpSpans, tracesJson, tracesProtobuf } from '../../lib/ingest/otlp/test-fixtures';

const BATCH = 100;
const BATCHES = 20; // distinct bodies, cycled, so ids and paths differ between iterations
const SECONDS = 2;

function measure(label: string, bodies: Buffer[], run: (body: Buffer) => number): number {
  let sink = 0;
  for (let i = 0; i < 2_000; i++) sink += run(bodies[i % bodies.length]); // warm up the JIT
  let spans = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let i = 0; i < 200; i++) spans += run(bodies[i % bodies.length]);
    elapsed = performance.now() - started;
  }
  const rate = (spans / elapsed) * 1000;
  const bytes = bodies.reduce((n, b) => n + b.length, 0) / bodies.length / BATCH;
  console.log(
    `${label.padEnd(38)} ${Math.round(rate).toLocaleString('en-US').padStart(11)} spans/s  (${bytes.toFixed(0)} B/span)${sink < 0 ? '!' : ''}`,
  );
  return rate;
}

const batches = Array.from({ length: BATCHES }, (_, b) => httpSpans(BATCH, 1_760_000_000 + b * 1000));
const protobuf = batches.map(tracesProtobuf);
const json = batches.map(tracesJson);

console.log(`node ${process.version}, ${BATCH}-span batches, ${SECONDS}s each`);
const pb = measure('decodeTraces protobuf', protobuf, (b) => decodeTraces(b, 'protobuf').rows.length);
const js = measure('decodeTraces json', json, (b) => decodeTraces(b, 'json').rows.length);
const parse = measure('baseline JSON.parse (same batch)', json, (b) => {
  const parsed = JSON.parse(b.toString('utf8')) as { resourceSpans: unknown[] };
  return parsed.resourceSpans.length * BATCH;
});
console.log(`ratio protobuf decode / JSON.parse baseline: ${(pb / parse).toFixed(2)}x`);
console.log(`ratio json decode / JSON.parse baseline:     ${(js / parse).toFixed(2)}x`);
