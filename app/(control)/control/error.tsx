"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

// Next logs the error on the server with this digest; the page shows the id and nothing else.
export default function ControlError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Something went wrong{error.digest ? ` (id ${error.digest})` : ""}</h1>
      <p className="mt-2 text-sm text-slate-600">The error was logged on the server. Try again, or go back to the start.</p>
      <div className="mt-6 flex justify-center gap-2">
        <button type="button" onClick={reset} className={buttonClass("primary")}>
          Try again
        </button>
        <Link href="/control" className={buttonClass("secondary")}>
          Start page
        </Link>
      </div>
    </main>
  );
}
