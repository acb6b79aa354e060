import Link from "next/link";
import { FennecMark } from "@/components/frame/fennec-mark";
import { PageHeader } from "@/components/ui/card";

/** The account pages belong to no tenant: a plain frame with the way back to the console. */
export function AccountFrame({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center gap-2 px-4 py-2.5">
          <Link href="/control" className="flex items-center gap-2 font-semibold">
            <FennecMark />
            <span>Fennec</span>
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 space-y-5 px-4 py-6">
        <PageHeader title={title} description={description} />
        {children}
      </main>
    </div>
  );
}
