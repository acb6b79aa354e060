// The floor plus reading the form body, which every token endpoint must do: shows what Next.js
// itself charges for a POST body, apart from anything Fennec does with it.
import { tokenResponse } from "../../../../../sign.js";

export const dynamic = "force-dynamic";

export async function POST(request) {
  await request.text();
  return tokenResponse();
}
