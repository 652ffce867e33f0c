// The filters every read endpoint shares. Absent filters match everything; `from`/`to` are epoch ms.

export interface ReadFilters {
  projectId: number;
  service?: string;
  route?: string;
  release?: string;
  environment?: string;
  method?: string;
  fromMs: number;
  toMs: number;
}

/** The bound values of the filter columns, in the order rollup-source.ts numbers them ($2..$6). */
export function filterValues(f: ReadFilters): (string | null)[] {
  return [f.service ?? null, f.route ?? null, f.release ?? null, f.environment ?? null, f.method ?? null];
}

/** SQL predicate on the filter columns, using $2..$6 (null = any). */
export const FILTER_PREDICATE = `($2::text IS NULL OR service = $2)
  AND ($3::text IS NULL OR route = $3)
  AND ($4::text IS NULL OR release = $4)
  AND ($5::text IS NULL OR environment = $5)
  AND ($6::text IS NULL OR method = $6)`;
