// Comparators: symbols in the API and in notifications, enum names in the database.
export const COMPARATOR_SYMBOLS = ['>', '>=', '<', '<='] as const;
export type ComparatorSymbol = (typeof COMPARATOR_SYMBOLS)[number];
export type ComparatorName = 'gt' | 'gte' | 'lt' | 'lte';

const BY_SYMBOL: Record<ComparatorSymbol, ComparatorName> = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };
const BY_NAME: Record<ComparatorName, ComparatorSymbol> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

export const comparatorName = (symbol: ComparatorSymbol): ComparatorName => BY_SYMBOL[symbol];
export const comparatorSymbol = (name: ComparatorName): ComparatorSymbol => BY_NAME[name];

/** Does `value` breach the condition? No data never breaches. */
export function breaches(value: number | null, comparator: ComparatorSymbol, threshold: number): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  switch (comparator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}
