import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/signin-form";
import { FennecMark } from "@/components/frame/fennec-mark";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { currentAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";


export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const callbackUrl = safeCallbackPath(q.callbackUrl);
  if (await currentAdmin()) redirect(callbackUrl);
  const error = typeof q.error === "string" ? q.error.slice(0, 200) : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex items-center gap-3">
          <FennecMark />
          <div>
            <h1 className="text-xl font-semibold">Sign in to Fennec</h1>
            <p className="text-sm text-slate-600">Control: manage tenants, applications and keys.</p>
          </div>
        </div>
        <SignInForm callbackUrl={callbackUrl} initialError={error} />
      </div>
    </main>
  );
}
