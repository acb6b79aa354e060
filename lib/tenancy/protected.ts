import { CONTROL_API_RESOURCE, MASTER } from "./constants";

/** The Control API resource in a master track: its name, resource part and scopes must stay. */
export function isProtectedParty(track: string, party: string): boolean {
  return track === MASTER && party === CONTROL_API_RESOURCE;
}

// In a tenant other than master the Control API resource offers only `tenant`: control_api:master
// is honoured solely from master/master, so a `master` scope elsewhere would only mislead.
export function controlApiScopes(tenant: string): string[] {
  return tenant === MASTER ? ["master", "tenant"] : ["tenant"];
}

/** The Control API scope that manages every tenant; honoured only from master/master. */
export const ALL_TENANTS_SCOPE = "master";

export const isMasterTrack = (t: { name: string; tenantName: string }) => t.tenantName === MASTER && t.name === MASTER;

/** Whether a client's resource scopes include control_api:master. */
export function grantsAllTenants(resourceScopes: readonly { resource: string; scopes: readonly string[] }[]): boolean {
  return resourceScopes.some((g) => g.resource === CONTROL_API_RESOURCE && g.scopes.includes(ALL_TENANTS_SCOPE));
}
