import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function ControlNotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This tenant, track or application does not exist, or you may not manage it.</p>
      <Link href="/control" className={`${buttonClass("secondary")} mt-6`}>
        Start page
      </Link>
    </main>
  );
}
