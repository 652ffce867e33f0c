const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const SEPARATOR = 0xff;

/**
 * Alertmanager's alert fingerprint: FNV-1a 64 over sorted `name 0xff value 0xff`, as 16 hex digits
 * (Prometheus `LabelSet.Fingerprint().String()`), so receivers that dedupe by it see one alert
 * across its firing and resolved notifications.
 */
export function labelFingerprint(labels: Readonly<Record<string, string>>): string {
  let hash = FNV_OFFSET;
  const add = (byte: number): void => {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  };
  // Label names are ASCII, so UTF-16 order equals Go's byte order.
  for (const name of Object.keys(labels).sort()) {
    for (const byte of Buffer.from(name, 'utf8')) add(byte);
    add(SEPARATOR);
    for (const byte of Buffer.from(labels[name], 'utf8')) add(byte);
    add(SEPARATOR);
  }
  return hash.toString(16).padStart(16, '0');
}
