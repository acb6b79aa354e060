import { CopyValue } from "@/components/ui/copy-button";

export type TrackEndpoints = { issuer: string; token_endpoint: string; discovery: string; jwks_uri: string };

/** The track's protocol URLs, what a client or API is configured with. */
export function EndpointsCard({ track, open = false }: { track: TrackEndpoints; open?: boolean }) {
  return (
    <details open={open} className="group rounded-lg border border-sky-200 bg-sky-50/60 px-4 py-3">
      <summary className="cursor-pointer text-sm font-medium text-sky-900">Endpoints of this track (issuer, token, discovery, JWKS)</summary>
      <div className="mt-3 space-y-2">
        <CopyValue label="Issuer" value={track.issuer} />
        <CopyValue label="Token" value={track.token_endpoint} />
        <CopyValue label="Discovery" value={track.discovery} />
        <CopyValue label="JWKS" value={track.jwks_uri} />
      </div>
    </details>
  );
}
