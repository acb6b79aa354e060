import fs from "node:fs";
import path from "node:path";
import { root } from "./server";

// The admin UI as a browser drives it, over plain HTTP: next-auth's credentials sign-in, a page visit
// with the session cookie, and a server action called the way React calls one (POST with Next-Action).

export type SignInResult = { cookie?: string; setCookie?: string; error?: string };

/** Signs in through next-auth's credentials endpoint: the session cookie (and its Set-Cookie line), or the error shown. */
export async function signInAdmin(baseUrl: string, email: string, password: string): Promise<SignInResult> {
  const c = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrfCookie = c.headers.getSetCookie().map((x) => x.split(";")[0]).join("; ");
  const { csrfToken } = (await c.json()) as { csrfToken: string };
  const r = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const error = new URL(((await r.json()) as { url: string }).url).searchParams.get("error");
  if (error) return { error };
  const setCookie = r.headers.getSetCookie().find((x) => /^(__Secure-)?next-auth\.session-token=/.test(x));
  return { cookie: setCookie?.split(";")[0], setCookie };
}

/** Where /control sends this cookie: into the console, to the password change, or back to sign-in. */
export async function landing(baseUrl: string, cookie: string): Promise<string> {
  const r = await fetch(`${baseUrl}/control`, { redirect: "manual", headers: { cookie } });
  return new URL(r.headers.get("location") ?? "/", baseUrl).pathname;
}

/** The id of a server action in the production build under test (its manifest names each export). */
export function actionId(file: string, exportedName: string): string {
  const dist = path.resolve(root, process.env.FENNEC_DIST_DIR || ".next");
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${file} in the build`);
  return found[0];
}

export type ActionAnswer = {
  status: number;
  /** where the action sent the browser (Next.js's x-action-redirect), if anywhere */
  redirect: string | null;
  /** the action's return value, when it returned one */
  result: { ok: boolean; message?: string; [k: string]: unknown } | null;
  text: string;
};

/**
 * Calls a server action as React does from `page`: POST, a Next-Action header, the arguments as a JSON
 * array, the browser's Origin. Its return value is the RSC payload's row 1.
 */
export async function callAction(
  baseUrl: string,
  page: string,
  action: { file: string; name: string },
  args: unknown[],
  cookie?: string,
): Promise<ActionAnswer> {
  const r = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      accept: "text/x-component",
      "next-action": actionId(action.file, action.name),
      "content-type": "text/plain;charset=UTF-8",
      origin: baseUrl,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(args),
  });
  const text = await r.text();
  const row = /^1:(\{.*\})$/m.exec(text)?.[1];
  return { status: r.status, redirect: r.headers.get("x-action-redirect"), result: row ? JSON.parse(row) : null, text };
}
