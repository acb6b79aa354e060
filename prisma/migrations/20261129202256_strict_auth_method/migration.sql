-- AlterTable
ALTER TABLE "Party" ADD COLUMN     "strictAuthMethod" BOOLEAN NOT NULL DEFAULT false;
