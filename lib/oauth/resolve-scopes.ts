import "server-only";
import type { ClientGrantView } from "./client-cache";
import { OAuthError } from "./errors";

export type Grant = { audience: string | string[]; scope: string | undefined };

// RFC 6749 §3.3 scope-token: %x21 / %x23-5B / %x5D-7E
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]{1,300}$/;
const MAX_ITEMS = 50;

/**
 * The audiences and scope of a token. Each requested `resource:scope` or bare `resource` must be
 * granted to the client. RFC 8707 `resource` values (a resource's name or audience URI) narrow the
 * audiences to those resources. No scope and no resource: the audience is the client itself (FoxIDs).
 */
export function resolveScopes(clientId: string, grants: ClientGrantView[], scope: string | undefined, resources: string[]): Grant {
  const items = scope ? [...new Set(scope.split(" ").filter(Boolean))] : [];
  if (items.length > MAX_ITEMS) throw new OAuthError("invalid_scope", "too many scopes requested");
  const selected: ClientGrantView[] = [];
  const select = (g: ClientGrantView) => selected.includes(g) || selected.push(g);
  const requested: { grant: ClientGrantView; item: string }[] = [];

  for (const item of items) {
    if (!SCOPE_TOKEN.test(item)) throw new OAuthError("invalid_scope", "scope is not well formed");
    const colon = item.indexOf(":");
    const name = colon < 0 ? item : item.slice(0, colon);
    const grant = grants.find((g) => g.resource === name);
    const ok = grant && (colon < 0 || grant.scopes.includes(item.slice(colon + 1)));
    if (!grant || !ok) throw new OAuthError("invalid_scope", `scope ${item.slice(0, 100)} is not granted to the client`);
    requested.push({ grant, item });
    select(grant);
  }

  let targets = selected;
  if (resources.length > 0) {
    targets = [];
    for (const r of resources) {
      const grant = grants.find((g) => g.resource === r || g.audience === r);
      if (!grant || (items.length > 0 && !selected.includes(grant))) {
        throw new OAuthError("invalid_target", "resource is not granted to the client or not covered by the requested scope");
      }
      if (!targets.includes(grant)) targets.push(grant);
    }
  }
  if (targets.length === 0) return { audience: clientId, scope: undefined };

  const granted = requested.filter((r) => targets.includes(r.grant)).map((r) => r.item);
  const audiences = [...new Set(targets.map((t) => t.audience))];
  return {
    audience: audiences.length === 1 ? audiences[0] : audiences,
    scope: granted.length > 0 ? granted.join(" ") : undefined,
  };
}
