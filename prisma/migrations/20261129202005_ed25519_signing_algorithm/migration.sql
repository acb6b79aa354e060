-- AlterEnum
ALTER TYPE "SigningAlgorithm" ADD VALUE 'Ed25519';
