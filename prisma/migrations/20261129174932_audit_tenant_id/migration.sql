-- DropIndex
DROP INDEX "AuditEvent_tenantName_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "tenantId" UUID;

-- Backfill: an event belongs to the tenant of its name that existed when it was written: events of a
-- deleted tenant whose name was later taken again predate the new tenant's row and stay unassigned.
UPDATE "AuditEvent" AS a SET "tenantId" = t."id"
FROM "Tenant" AS t
WHERE a."tenantName" = t."name" AND a."createdAt" >= t."createdAt";

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_createdAt_idx" ON "AuditEvent"("tenantId", "createdAt" DESC);
