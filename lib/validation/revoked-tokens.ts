import { z } from "zod";
import { listQuerySchema } from "./list";

// A client's revoked access tokens (RFC 7009) and its "not before" (README "Token service").

const dateTime = z.iso.datetime();

export const revokedTokensQuerySchema = listQuerySchema.pick({ page_size: true, cursor: true });
export type RevokedTokensQuery = z.input<typeof revokedTokensQuerySchema>;

export const revokedTokenViewSchema = z.object({
  jti: z.string().describe("The revoked access token's jti."),
  revoked_at: dateTime,
  expires_at: dateTime.describe("When the token expires; the record is pruned after that."),
});

export const revokedTokenPageSchema = z.object({
  tokens_not_before: dateTime
    .nullable()
    .describe("Every token of the client issued before this moment (to the second) is inactive; null when never set."),
  data: z.array(revokedTokenViewSchema).describe("Tokens revoked one by one that have not expired yet, newest first."),
  next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page."),
});

export const revokeTokensResultSchema = z.object({
  tokens_not_before: dateTime.describe("The client's new cutoff: every token issued before it is inactive."),
});

export type RevokedTokenView = z.output<typeof revokedTokenViewSchema>;
export type RevokedTokenPage = z.output<typeof revokedTokenPageSchema>;
export type RevokeTokensResult = z.output<typeof revokeTokensResultSchema>;
