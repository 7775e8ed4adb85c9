/** The profile's "new API token" form, checked on the server (the choices are in ./tokens.ts). */
import { z } from "@/lib/zod";
import { API_TOKEN_ACCESS, API_TOKEN_EXPIRY_CHOICES, MAX_API_TOKEN_NAME } from "./tokens";

export const createApiTokenSchema = z.object({
  name: z
    .string({ error: "Give the token a name." })
    .trim()
    .min(1, "Give the token a name, such as the script that will use it.")
    .max(MAX_API_TOKEN_NAME, `A name has at most ${MAX_API_TOKEN_NAME} characters.`),
  access: z.enum(API_TOKEN_ACCESS, { error: "Choose what the token may do." }),
  expiresIn: z.enum(API_TOKEN_EXPIRY_CHOICES, { error: "Choose when the token expires." }),
});
export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;
