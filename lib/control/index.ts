export * from "./actor";
export * from "./errors";
export { listTenants, getTenant, createTenant, deleteTenant } from "./tenants";
export { listTracks, getTrack, createTrack, updateTrack, deleteTrack } from "./tracks";
export { listParties, getParty, createParty, updateParty, deleteParty, type CreatedParty, type PartyRefInput } from "./parties";
export { listResourceOptions, type ResourceOption, type ResourceOptions } from "./resource-options";
export { listSecrets, createSecret, deleteSecret, type CreatedSecret } from "./secrets";
export { listRevokedTokens, revokeClientTokens } from "./revoked-tokens";
export { listClientKeys, addClientKey, deleteClientKey, previewClientKey } from "./client-keys";
export { clientKeyFromForm } from "./client-key-upload";
export { tryToken, type TryTokenInput } from "./try-token";
export { listTrackSigningKeys, promoteTrackSigningKeysNow, rotateTrackSigningKeys } from "./signing-keys";
export { listAudit } from "./audit";
export type { Page } from "./paging";
export type {
  AuditView,
  ClientKeyPreview,
  ClientKeyView,
  PartyView,
  RotateResult,
  PromoteResult,
  SecretView,
  SigningKeyView,
  TenantView,
  TrackView,
} from "./views";
export { listAdminUsers, getAdminUser, createAdminUser, updateAdminUser, deleteAdminUser, resetAdminUserPassword } from "./admin-users";
export { changeOwnPassword, listOwnSessions, signOutEverywhere } from "./admin-account";
export { exportTrack } from "./export";
export { importTrack, parseImportText } from "./import";
export { trackUsage } from "./usage";
export type { UsageView } from "@/lib/validation/usage";
