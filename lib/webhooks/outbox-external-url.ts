import { config } from '../config';

/** Base URL put into notification links: TAILWATCH_PUBLIC_URL, else this instance on localhost. */
export function externalUrlFromConfig(): string {
  const cfg = config();
  return cfg.TAILWATCH_PUBLIC_URL ?? `http://localhost:${cfg.PORT}`;
}
