import { randomBytes } from 'node:crypto';
import { WebhookError } from './webhook-error';

const PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** How long a rotated-out secret keeps signing, so receivers can switch over without dropping messages. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** The secret columns of an endpoint; `previousSecret` signs too until `previousSecretExpiresAt`. */
export interface EndpointSecrets {
  secret: string;
  previousSecret?: string | null;
  previousSecretExpiresAt?: Date | null;
}

export interface RotatedSecrets {
  secret: string;
  previousSecret: string;
  previousSecretExpiresAt: Date;
}

/** A new endpoint secret: `whsec_` + standard base64 of 32 random bytes. */
export function generateSecret(): string {
  return PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** The HMAC key inside a `whsec_` secret; throws `invalid_secret` on anything malformed. */
export function decodeSecret(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) {
    throw new WebhookError('invalid_secret', 'Webhook secret must start with "whsec_".');
  }
  const encoded = secret.slice(PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 === 1) {
    throw new WebhookError('invalid_secret', 'Webhook secret is not valid base64 after "whsec_".');
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    throw new WebhookError(
      'invalid_secret',
      `Webhook secret must decode to ${MIN_KEY_BYTES}-${MAX_KEY_BYTES} bytes, got ${key.length}.`,
    );
  }
  return key;
}

/** New secret columns after a rotation: the old secret keeps signing for `overlapMs`. */
export function rotateSecret(
  current: EndpointSecrets,
  now: Date,
  overlapMs: number = SECRET_ROTATION_OVERLAP_MS,
): RotatedSecrets {
  return {
    secret: generateSecret(),
    previousSecret: current.secret,
    previousSecretExpiresAt: new Date(now.getTime() + overlapMs),
  };
}

/** Secrets that sign a message sent at `now`: the current one first, then a still-valid previous one. */
export function signingSecrets(secrets: EndpointSecrets, now: Date): string[] {
  const active = [secrets.secret];
  const expiresAt = secrets.previousSecretExpiresAt;
  if (secrets.previousSecret && expiresAt && now.getTime() < expiresAt.getTime()) {
    active.push(secrets.previousSecret);
  }
  return active;
}
