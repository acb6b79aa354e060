import "server-only";
import { getConfig } from "@/lib/config";

// The issuer of a track ends with a slash; every endpoint hangs below it.
export const issuerOf = (tenant: string, track: string) => `${getConfig().publicUrl}/${tenant}/${track}/`;
export const tokenEndpointOf = (issuer: string, party?: string) => `${issuer}${party ? `${party}/` : ""}oauth/token`;
export const discoveryOf = (issuer: string, party?: string) =>
  `${issuer}${party ? `${party}/` : ""}.well-known/openid-configuration`;
export const jwksUriOf = (issuer: string, party?: string) => `${discoveryOf(issuer, party)}/keys`;

const NAME = /^[\w-]{1,50}$/;

/**
 * Path segments are case-insensitive; anything outside the name grammar is simply not found. The
 * segment arrives percent-decoded once by the mount; decoding it again would let "%2561" mean "a".
 */
export function normaliseName(segment: string): string | null {
  const s = segment.toLowerCase();
  return NAME.test(s) ? s : null;
}
