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
};

export default nextConfig;
