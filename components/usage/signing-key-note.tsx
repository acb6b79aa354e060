import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import type { SigningKeyView } from "@/lib/control";

const SOON_MS = 14 * 86_400_000;
const expiresSoon = (iso: string) => Date.parse(iso) - Date.now() <= SOON_MS;

/** A note when the track's primary signing key expires within 14 days and no next key is waiting. */
export function SigningKeyNote({ keys, href }: { keys: SigningKeyView[]; href: string }) {
  const primary = keys.find((k) => k.state === "primary");
  if (!primary || !expiresSoon(primary.not_after)) return null;
  const next = keys.some((k) => k.state === "secondary" && Date.parse(k.not_after) > Date.parse(primary.not_after));
  return (
    <p role="status" className="rounded-md border border-orange-200 bg-orange-50 px-3 py-2 text-sm text-orange-900">
      The primary signing key expires {formatDateTime(primary.not_after)}
      {next ? "; the next key is ready and becomes primary on schedule." : "; no next key exists yet."}{" "}
      <Link className="font-medium underline" href={href}>
        Signing keys
      </Link>
    </p>
  );
}
