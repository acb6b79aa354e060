export { actorLabel, recordAudit, type AuditEntry } from "./record";
export { diffFields, redact, type Changes } from "./diff";
