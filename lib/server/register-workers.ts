// Every background worker of the app, registered in one place (rollup compaction, retention, alerts,
// webhook delivery). Each worker module exports a Worker and is added here.
export function registerAllWorkers(): void {}
