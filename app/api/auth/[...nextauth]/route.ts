import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, ctx: Ctx) {
  return NextAuth(await getAuthOptions())(request, ctx);
}

export { handler as GET, handler as POST };
