import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "@/lib/config";
import { clientAddressOfHeaders } from "@/lib/net/client-address";
import { createAdminSession, endAdminSession } from "./admin-sessions";
import { authenticateAdmin, SignInError } from "./authenticate-admin";
import { getSessionSecret } from "./session-secret";
import { logFailure } from "@/lib/telemetry";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let cached: Promise<NextAuthOptions> | undefined;

/** Built on first use: the session secret may have to be read from (or created in) the database. */
export function getAuthOptions(): Promise<NextAuthOptions> {
  cached ??= build().catch((e) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

async function build(): Promise<NextAuthOptions> {
  // next-auth v4 reads its own base URL from the environment on every request; without it, it falls
  // back to http://localhost:3000 for redirects.
  process.env.NEXTAUTH_URL ??= `${getConfig().publicUrl}/api/auth`;
  return {
    secret: await getSessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Fennec",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const address = clientAddressOfHeaders((name) => headerValue(req?.headers, name));
            const admin = await authenticateAdmin({ email: credentials?.email, password: credentials?.password, address });
            const sid = await createAdminSession(admin.id, {
              userAgent: headerValue(req?.headers, "user-agent"),
              address,
              maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
            });
            return { id: admin.id, email: admin.email, name: admin.name, sid };
          } catch (e) {
            if (e instanceof SignInError) throw e;
            const id = crypto.randomUUID();
            logFailure("unexpected_error", `sign-in error ${id}`, e, { error_id: id, where: "sign-in" });
            throw new Error(`Something went wrong (id ${id}).`);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.authAt = Math.floor(Date.now() / 1000);
          token.sid = user.sid;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) session.user.id = token.sub ?? "";
        session.authAt = typeof token.authAt === "number" ? token.authAt : 0;
        session.sid = typeof token.sid === "string" ? token.sid : undefined;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string" && UUID.test(token.sid)) await endAdminSession(token.sid);
      },
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// next-auth hands authorize() the request's headers as a plain object.
function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  const v = headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? v.join(", ") : null;
}
