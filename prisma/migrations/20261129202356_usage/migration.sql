-- AlterTable
ALTER TABLE "ClientKey" ADD COLUMN     "lastUsedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "ClientSecret" ADD COLUMN     "lastUsedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "UsageBucket" (
    "trackId" UUID NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "client" VARCHAR(50) NOT NULL,
    "outcome" VARCHAR(40) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "UsageBucket_pkey" PRIMARY KEY ("trackId","minute","client","outcome")
);

-- CreateIndex
CREATE INDEX "UsageBucket_minute_idx" ON "UsageBucket"("minute");
