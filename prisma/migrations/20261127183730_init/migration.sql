-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SigningAlgorithm" AS ENUM ('RS256', 'PS256', 'ES256', 'EdDSA');

-- CreateEnum
CREATE TYPE "ClientAuthMethod" AS ENUM ('client_secret_post', 'client_secret_basic', 'private_key_jwt');

-- CreateEnum
CREATE TYPE "SigningKeyState" AS ENUM ('primary', 'secondary', 'retired');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" UUID NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "displayName" VARCHAR(100),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Track" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "displayName" VARCHAR(100),
    "signingAlgorithm" "SigningAlgorithm" NOT NULL DEFAULT 'RS256',
    "keyValidityMonths" INTEGER NOT NULL DEFAULT 3,
    "keyRenewDaysBeforeExpiry" INTEGER NOT NULL DEFAULT 10,
    "keyPrimaryAfterDays" INTEGER NOT NULL DEFAULT 5,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Track_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" UUID NOT NULL,
    "trackId" UUID NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "displayName" VARCHAR(100),
    "note" VARCHAR(200),
    "isResource" BOOLEAN NOT NULL DEFAULT false,
    "resourceScopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "resourceAudience" VARCHAR(500),
    "isClient" BOOLEAN NOT NULL DEFAULT false,
    "authMethod" "ClientAuthMethod" DEFAULT 'client_secret_post',
    "accessTokenLifetime" INTEGER NOT NULL DEFAULT 3600,
    "allowLegacyAssertionAudience" BOOLEAN NOT NULL DEFAULT false,
    "clientCredentialsEnabled" BOOLEAN NOT NULL DEFAULT true,
    "claimTransforms" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientGrant" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "ClientGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientSecret" (
    "id" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "hash" VARCHAR(512) NOT NULL,
    "info" VARCHAR(3) NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "ClientSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientKey" (
    "id" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "kid" VARCHAR(200) NOT NULL,
    "x5tS256" VARCHAR(64),
    "jwk" JSONB NOT NULL,
    "certificatePem" TEXT,
    "subject" VARCHAR(1000),
    "issuer" VARCHAR(1000),
    "notBefore" TIMESTAMPTZ(3),
    "notAfter" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "id" UUID NOT NULL,
    "trackId" UUID NOT NULL,
    "kid" VARCHAR(100) NOT NULL,
    "algorithm" "SigningAlgorithm" NOT NULL,
    "state" "SigningKeyState" NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "privateKeyEncrypted" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "activateAt" TIMESTAMPTZ(3),
    "retireAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminUser" (
    "id" UUID NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "name" VARCHAR(100),
    "passwordHash" VARCHAR(512) NOT NULL,
    "tenantId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdminUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" VARCHAR(400) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tenantName" VARCHAR(50),
    "trackName" VARCHAR(50),
    "actorType" VARCHAR(20) NOT NULL,
    "actor" VARCHAR(320) NOT NULL,
    "action" VARCHAR(100) NOT NULL,
    "targetType" VARCHAR(50) NOT NULL,
    "targetName" VARCHAR(200),
    "changes" JSONB NOT NULL DEFAULT '{}',
    "correlationId" VARCHAR(64),

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsedAssertion" (
    "id" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UsedAssertion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" VARCHAR(50) NOT NULL,
    "key" VARCHAR(300) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemState" (
    "key" VARCHAR(100) NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SystemState_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_name_key" ON "Tenant"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Track_tenantId_name_key" ON "Track"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Party_trackId_name_key" ON "Party"("trackId", "name");

-- CreateIndex
CREATE INDEX "ClientGrant_resourceId_idx" ON "ClientGrant"("resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "ClientGrant_clientId_resourceId_key" ON "ClientGrant"("clientId", "resourceId");

-- CreateIndex
CREATE INDEX "ClientSecret_partyId_idx" ON "ClientSecret"("partyId");

-- CreateIndex
CREATE UNIQUE INDEX "ClientKey_partyId_kid_key" ON "ClientKey"("partyId", "kid");

-- CreateIndex
CREATE UNIQUE INDEX "SigningKey_kid_key" ON "SigningKey"("kid");

-- CreateIndex
CREATE INDEX "SigningKey_trackId_state_idx" ON "SigningKey"("trackId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "AdminUser_email_key" ON "AdminUser"("email");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantName_createdAt_idx" ON "AuditEvent"("tenantName", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "UsedAssertion_expiresAt_idx" ON "UsedAssertion"("expiresAt");

-- CreateIndex
CREATE INDEX "ChangeEvent_createdAt_idx" ON "ChangeEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "Track" ADD CONSTRAINT "Track_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientGrant" ADD CONSTRAINT "ClientGrant_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientGrant" ADD CONSTRAINT "ClientGrant_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientSecret" ADD CONSTRAINT "ClientSecret_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientKey" ADD CONSTRAINT "ClientKey_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SigningKey" ADD CONSTRAINT "SigningKey_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminUser" ADD CONSTRAINT "AdminUser_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
