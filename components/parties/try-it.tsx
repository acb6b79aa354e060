"use client";

import { decodeJwt, decodeProtectedHeader } from "jose";
import { useState } from "react";
import { tryTokenAction } from "./try-token-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { JWT_BEARER } from "@/lib/oauth/token-request";

type Result = { status: number; body: Record<string, unknown> | null };

export function curlCommand(tokenEndpoint: string, client: string, method: string, scope: string): string {
  const lines = [`curl -s -X POST '${tokenEndpoint}'`, `  -d grant_type=client_credentials`];
  if (method === "client_secret_basic") lines.push(`  -u '${client}:'"$CLIENT_SECRET"`);
  else if (method === "private_key_jwt") {
    lines.push(`  -d client_id=${client}`);
    lines.push(`  -d client_assertion_type=${JWT_BEARER}`);
    lines.push(`  --data-urlencode client_assertion="$CLIENT_ASSERTION"`);
  } else {
    lines.push(`  -d client_id=${client}`);
    lines.push(`  --data-urlencode client_secret="$CLIENT_SECRET"`);
  }
  if (scope.trim()) lines.push(`  --data-urlencode scope='${scope.trim().replace(/'/g, "")}'`);
  return lines.join(" \\\n");
}

function decode(token: unknown) {
  if (typeof token !== "string") return null;
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    return null;
  }
}

const Json = ({ label, value }: { label: string; value: unknown }) => (
  <div className="min-w-0 space-y-1">
    <h4 className="text-sm font-medium text-slate-700">{label}</h4>
    <pre aria-label={label} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
      {JSON.stringify(value, null, 2)}
    </pre>
  </div>
);

/** Gets a token now, as the client would, and shows what came back and how to do it from a shell. */
export function TryIt(props: {
  tenant: string;
  track: string;
  party: string;
  method: string;
  tokenEndpoint: string;
  initialSecret?: string;
  initialScope?: string;
}) {
  const [secret, setSecret] = useState(props.initialSecret ?? "");
  const [assertion, setAssertion] = useState("");
  const [scope, setScope] = useState(props.initialScope ?? "");
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const jwt = props.method === "private_key_jwt";
  const decoded = decode(result?.body?.access_token);
  const curl = curlCommand(props.tokenEndpoint, props.party, props.method, scope);

  async function run() {
    setPending(true);
    setError(undefined);
    const r = await tryTokenAction({ tenant: props.tenant, track: props.track, party: props.party, secret, assertion, scope });
    setPending(false);
    if (r.ok) setResult({ status: r.status, body: r.body });
    else {
      setResult(null);
      setError(r.message);
    }
  }

  return (
    <Card id="try-it" title="Try it" description="Get a test token from the token endpoint with this client's credentials.">
      <div className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          {jwt ? (
            <Field label="Client assertion (JWT)" hint="Signed with the client's private key; aud = the track's issuer.">
              <Textarea rows={3} value={assertion} onChange={(e) => setAssertion(e.target.value)} className="font-mono text-xs" />
            </Field>
          ) : (
            <Field label="Client secret" hint={props.initialSecret ? "The secret just created is filled in." : "Paste a secret of this client."}>
              <Input type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
            </Field>
          )}
          <Field label="Scope (optional)" hint="Space-separated, e.g. my-api:read; empty asks for everything granted.">
            <Input autoComplete="off" value={scope} onChange={(e) => setScope(e.target.value)} />
          </Field>
        </div>
        <Button onClick={run} pending={pending}>
          Get token
        </Button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        {result && (
          <div className="space-y-3" aria-live="polite">
            <p className="text-sm">
              Response: <strong className={result.status === 200 ? "text-green-700" : "text-red-700"}>HTTP {result.status}</strong>
            </p>
            <Json label="Token response" value={result.body} />
            {decoded && (
              <div className="grid gap-3 md:grid-cols-2">
                <Json label="Header" value={decoded.header} />
                <Json label="Claims" value={decoded.claims} />
              </div>
            )}
          </div>
        )}
        <div className="space-y-1">
          <div className="flex items-center justify-between">
            <h4 className="text-sm font-medium text-slate-700">The same request with curl</h4>
            <CopyButton value={curl} what="curl command" />
          </div>
          <pre aria-label="curl command" className="overflow-x-auto rounded-md bg-slate-100 p-3 text-xs">
            {curl}
          </pre>
          <p className="text-xs text-slate-500">
            Set {jwt ? "CLIENT_ASSERTION" : "CLIENT_SECRET"} in your shell first, so the credential stays out of your history.
          </p>
        </div>
      </div>
    </Card>
  );
}
