import { config } from '../../config';
import { db } from '../../db/pool';
import { listAllowedOrigins } from '../queries/list-allowed-origins';
import { isOriginAllowed } from './cors';
import { TokenBuckets } from './token-buckets';
import { TtlCache } from './ttl-cache';
import { verifyPublicKey } from '../../auth/keys';

/** A verified public widget key: write-only, it identifies a project and its allowed origins. */
export interface PublicKeyProject {
  projectId: number;
  allowedOrigins: string[];
}

/** State shared by the widget's fast routes of one server: limits and short caches. */
export interface WidgetEndpoint {
  ipBuckets: TokenBuckets;
  keyBuckets: TokenBuckets;
  trustedHops: number;
  /** The project of a public key; cached briefly (a revoked key or edited origin list applies within CACHE_MS). */
  project(key: string): Promise<PublicKeyProject | null>;
  /** Some project allows this origin (preflights carry no key). */
  anyProjectAllows(origin: string): Promise<boolean>;
}

const CACHE_MS = 15_000;

export function createWidgetEndpoint(): WidgetEndpoint {
  const cfg = config();
  const keys = new TtlCache<PublicKeyProject | null>(CACHE_MS);
  const origins = new TtlCache<string[]>(CACHE_MS, 1);
  return {
    ipBuckets: new TokenBuckets(cfg.TAILWATCH_FEEDBACK_PER_IP_PER_MINUTE, cfg.TAILWATCH_FEEDBACK_PER_IP_BURST),
    keyBuckets: new TokenBuckets(cfg.TAILWATCH_FEEDBACK_PER_KEY_PER_MINUTE, cfg.TAILWATCH_FEEDBACK_PER_KEY_BURST),
    trustedHops: cfg.TAILWATCH_TRUSTED_PROXY_HOPS,
    project: (key) => keys.get(key, async () => (await verifyPublicKey(key)) ?? null),
    anyProjectAllows: async (origin) =>
      isOriginAllowed(origin, await origins.get('all', () => listAllowedOrigins(db()))),
  };
}
