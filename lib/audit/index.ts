export { actorLabel, recordAudit, type AuditEntry, type AuditTenant } from "./record";
export { diffFields, redact, type Changes } from "./diff";
