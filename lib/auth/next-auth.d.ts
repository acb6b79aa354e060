import "next-auth";

declare module "next-auth" {
  interface Session {
    user?: { id: string; email?: string | null; name?: string | null };
    /** When the admin signed in (seconds): sessions end 8 hours later however often they are refreshed. */
    authAt?: number;
  }
}
