// Every other path below here: the protocol's JSON 404 (README "Token service, Errors").
export const dynamic = "force-dynamic";
export { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } from "@/app/_protocol/fallback";
