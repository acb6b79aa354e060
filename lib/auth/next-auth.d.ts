import "next-auth";

declare module "next-auth" {
  interface Session {
    user?: { id: string; email?: string | null; name?: string | null };
    /** When the admin signed in (seconds): sessions end 8 hours later however often they are refreshed. */
    authAt?: number;
    /** The AdminSession row this cookie stands for; the session ends when the row is gone. */
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}
