export const MASTER = "master";
export const CONTROL_API_RESOURCE = "control_api";
// control_api:master manages every tenant (from master/master); control_api:tenant manages its own tenant.
export const CONTROL_API_SCOPES = ["master", "tenant"] as const;
