/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and helpers may build side by side into separate folders.
  distDir: process.env.FENNEC_DIST_DIR || ".next",
  poweredByHeader: false,
  // RFC 8414 §3: the metadata URL of issuer https://host/t/tr/ is /.well-known/oauth-authorization-server/t/tr/
  // (trailing slash kept); clients such as oauth4webapi do not follow redirects there.
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  // Type errors are caught by `npm run typecheck`, which `npm test` runs; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  // Browser hardening on everything Next.js serves (README "Security"); pages get their script policy
  // from proxy.ts, JSON APIs one that allows nothing to load or frame them.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
