import { CONTROL_API_ROUTES } from "./routes";

type Compiled = { template: string; segments: string[] };

// Literal segments first, as Next.js routes them ("signing-keys/rotate" before "{kid}").
const COMPILED: Compiled[] = Object.keys(CONTROL_API_ROUTES)
  .map((template) => ({ template, segments: template.slice(1).split("/") }))
  .sort((a, b) => literals(b) - literals(a));

function literals(c: Compiled) {
  return c.segments.filter((s) => !s.startsWith("{")).length;
}

/** The route table's template for a Control API path (for logs and metrics: never the raw path). */
export function controlRouteTemplate(pathname: string): string {
  const segments = pathname.replace(/\/$/, "").slice(1).split("/");
  for (const c of COMPILED) {
    if (c.segments.length === segments.length && c.segments.every((s, i) => s.startsWith("{") || s === segments[i])) return c.template;
  }
  return "/api/control/*";
}
