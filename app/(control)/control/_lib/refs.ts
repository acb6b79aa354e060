import "server-only";
import { z } from "zod";

// Server actions are public endpoints: their arguments are checked like any request body.
const segment = z.string().min(1).max(50);
const partyRefSchema = z.object({ tenant: segment, track: segment, party: segment });

export const partyRef = (v: unknown) => partyRefSchema.parse(v);
export const name = (v: unknown) => segment.parse(v);
export const id = (v: unknown) => z.string().min(1).max(200).parse(v);
