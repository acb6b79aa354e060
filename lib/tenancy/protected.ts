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
