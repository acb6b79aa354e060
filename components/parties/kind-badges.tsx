import { Badge } from "@/components/ui/badge";

export function KindBadges({ kind }: { kind: "resource" | "client" | "both" }) {
  return (
    <span className="inline-flex gap-1">
      {kind !== "client" && <Badge tone="blue">Resource</Badge>}
      {kind !== "resource" && <Badge tone="violet">Client</Badge>}
    </span>
  );
}
