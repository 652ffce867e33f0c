/** Counts rejected items by reason for the OTLP partial_success answer. */
export class RejectTally {
  total = 0;
  private readonly reasons = new Map<string, number>();

  add(reason: string, count = 1): void {
    this.total += count;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + count);
  }

  /** e.g. "2 spans rejected: invalid trace_id (1), end before start (1)"; '' when none. */
  summary(singular: string, plural: string): string {
    if (this.total === 0) return '';
    const parts: string[] = [];
    for (const [reason, n] of this.reasons) parts.push(`${reason} (${n})`);
    return `${this.total} ${this.total === 1 ? singular : plural} rejected: ${parts.join(', ')}`;
  }
}
