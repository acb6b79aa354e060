-- AlterTable
ALTER TABLE "Party" ADD COLUMN     "tokensNotBefore" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "RevokedToken" (
    "jti" VARCHAR(100) NOT NULL,
    "partyId" UUID NOT NULL,
    "revokedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RevokedToken_pkey" PRIMARY KEY ("jti")
);

-- CreateIndex
CREATE INDEX "RevokedToken_partyId_revokedAt_idx" ON "RevokedToken"("partyId", "revokedAt" DESC);

-- CreateIndex
CREATE INDEX "RevokedToken_expiresAt_idx" ON "RevokedToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "RevokedToken" ADD CONSTRAINT "RevokedToken_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;
