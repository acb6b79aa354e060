/** A tiny Control API client for fixtures (the bootstrap client holds control_api:master). */
export async function controlClient(baseUrl: string, bootstrap: { id: string; secret: string }) {
  const r = await fetch(`${baseUrl}/master/master/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: bootstrap.id, client_secret: bootstrap.secret, scope: "control_api:master" }),
  });
  if (r.status !== 200) throw new Error(`bootstrap token: ${r.status} ${await r.text()}`);
  const token = ((await r.json()) as { access_token: string }).access_token;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/control/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { call, token };
}
