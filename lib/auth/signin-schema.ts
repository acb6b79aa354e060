import { z } from "zod";

// As loose as FENNEC_ADMIN_EMAIL's check: the default admin is admin@localhost, which has no dot.
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your e-mail address.")
    .max(320)
    .pipe(z.string().regex(/^[^\s@]+@[^\s@]+$/, "Enter a valid e-mail address.")),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;
