import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { newPasswordSchema } from "@/lib/validation";
import { invalid } from "./errors";

// Score 3 of 4: "safely unguessable" (about 10^10 guesses) by zxcvbn's estimate, its own recommendation for
// accounts protected by online throttling and argon2id hashing as these are.
const MIN_SCORE = 3;
// zxcvbn's matching grows faster than linearly with length; the first 100 characters decide.
const CHECKED_LENGTH = 100;

const g = globalThis as unknown as { __fennecZxcvbn?: ZxcvbnFactory };
const estimator = () =>
  (g.__fennecZxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/**
 * Refuses a new password that is too short or too guessable, judged with the user's own e-mail address
 * (and its parts) as known words. `field` is where the form shows the message. The password itself never
 * appears in the message.
 */
export function assertStrongPassword(password: unknown, email: string, field: string): string {
  const length = newPasswordSchema.safeParse(password);
  if (!length.success) throw invalid([{ field, message: length.error.issues[0].message }]);
  const [local, domain = ""] = email.split("@");
  const inputs = [email, local, ...local.split(/[._+-]/), ...domain.split(".")].filter((s) => s.length >= 3).slice(0, 20);
  const result = estimator().check(length.data.slice(0, CHECKED_LENGTH), inputs);
  if (result.score >= MIN_SCORE) return length.data;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  throw invalid([{ field, message: `This password is too easy to guess.${hint ? ` ${hint}` : ""}` }]);
}
