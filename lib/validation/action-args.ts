import { z } from "zod";

// Server actions are public endpoints: their arguments are checked like any request body.
const segment = z.string().min(1).max(50);
const partyRefSchema = z.object({ tenant: segment, track: segment, party: segment });

export const partyRefArg = (v: unknown) => partyRefSchema.parse(v);
export const nameArg = (v: unknown) => segment.parse(v);
export const idArg = (v: unknown) => z.string().min(1).max(200).parse(v);
