// The framework floor: a bare Next.js route handler at the same dynamic path as Fennec's token route
// (so routing costs the same) that signs the same access token and does nothing else: it does not
// even read the request body.
import { tokenResponse } from "../../../../../sign.js";

export const dynamic = "force-dynamic";

export async function POST() {
  return tokenResponse();
}
