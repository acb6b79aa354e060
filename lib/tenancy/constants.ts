/** Every tenant has a `master` track; the `master` tenant's administrators and clients manage every tenant. */
export const MASTER = "master";
/** The resource party in each tenant's master track that Control API tokens are issued for. */
export const CONTROL_API_RESOURCE = "control_api";
// control_api:master manages every tenant (from master/master); control_api:tenant manages its own tenant.
export const CONTROL_API_SCOPES = ["master", "tenant"] as const;
