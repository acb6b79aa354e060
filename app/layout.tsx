import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fennec", template: "%s · Fennec" },
  description: "OAuth 2.0 authorization server for machine-to-machine access",
};

// Every page renders per request: Next.js can put proxy.ts's per-request script nonce only into a
// page it renders now, and a prerendered page's scripts would be refused by that policy.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
