import "server-only";
import { getConfig } from "@/lib/config";

// The one URL grammar (README "Token service"): a track's issuer ends with a slash and every endpoint
// hangs below it; a party's own endpoints hang below `{issuer}{party}/`.
export const issuerOf = (tenant: string, track: string) => `${getConfig().publicUrl}/${tenant}/${track}/`;
export const tokenEndpointOf = (issuer: string, party?: string) => `${issuer}${party ? `${party}/` : ""}oauth/token`;
export const introspectionEndpointOf = (issuer: string, party?: string) => `${issuer}${party ? `${party}/` : ""}oauth/introspect`;
export const revocationEndpointOf = (issuer: string, party?: string) => `${issuer}${party ? `${party}/` : ""}oauth/revoke`;
export const discoveryOf = (issuer: string, party?: string) =>
  `${issuer}${party ? `${party}/` : ""}.well-known/openid-configuration`;
export const jwksUriOf = (issuer: string, party?: string) => `${discoveryOf(issuer, party)}/keys`;

const NAME = /^[\w-]{1,50}$/;

/** The tenant and track a track issuer of this server names; null for any other string. */
export function trackOfIssuer(iss: string): { tenant: string; track: string } | null {
  const base = `${getConfig().publicUrl}/`;
  if (!iss.startsWith(base)) return null;
  const m = /^([\w-]{1,50})\/([\w-]{1,50})\/$/.exec(iss.slice(base.length));
  return m ? { tenant: m[1], track: m[2] } : null;
}

/**
 * Path segments are case-insensitive; anything outside the name grammar is simply not found. The
 * segment arrives percent-decoded once by the mount; decoding it again would let "%2561" mean "a".
 */
export function normaliseName(segment: string): string | null {
  const s = segment.toLowerCase();
  return NAME.test(s) ? s : null;
}
