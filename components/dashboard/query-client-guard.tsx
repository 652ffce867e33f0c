'use client';

import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useContext, useState } from 'react';

// The dashboard shell provides the QueryClient (app/providers.tsx); this keeps the pages usable when a
// page is rendered outside that shell, without creating a second client when the shell's is there.
export function QueryClientGuard({ children }: { children: ReactNode }) {
  const existing = useContext(QueryClientContext);
  const [fallback] = useState(() => (existing ? null : new QueryClient()));
  if (existing || !fallback) return <>{children}</>;
  return <QueryClientProvider client={fallback}>{children}</QueryClientProvider>;
}
