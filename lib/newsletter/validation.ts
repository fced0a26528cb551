import { z } from 'zod';
import { isConsentVersion, SIGNUP_PLACEMENTS, type ConsentVersion } from './consent';
import { MAX_EMAIL_LENGTH, normalizeEmail } from './email';

/** Reader-facing messages for what the form can get wrong. */
export const SIGNUP_MESSAGES = {
  emailMissing: 'メールアドレスを入力してください。',
  emailTooLong: 'メールアドレスが長すぎます。254文字以内で入力してください。',
  emailInvalid: 'メールアドレスの形式が正しくありません。「name@example.jp」のように入力してください。',
  formOutdated: 'フォームの情報が古くなっています。ページを再読み込みしてから、もう一度お試しください。',
} as const;

export const TOKEN_MESSAGE = 'リンクが正しくありません。メールに記載されたリンクをもう一度開いてください。';

// Generous for pasted addresses with stray spaces, small enough that nothing
// large is ever normalised or stored.
const MAX_RAW_EMAIL = MAX_EMAIL_LENGTH + 64;

/** A signup as the form or the JSON client posts it. `website` is the honeypot: people leave it empty. */
export const signupSchema = z.object({
  email: z
    .string({ error: SIGNUP_MESSAGES.emailMissing })
    .max(MAX_RAW_EMAIL, SIGNUP_MESSAGES.emailTooLong)
    .transform((raw, ctx) => {
      if (raw.trim() === '') {
        ctx.addIssue({ code: 'custom', message: SIGNUP_MESSAGES.emailMissing });
        return z.NEVER;
      }
      const email = normalizeEmail(raw);
      if (!email) {
        const tooLong = raw.normalize('NFKC').replace(/\s/g, '').length > MAX_EMAIL_LENGTH;
        ctx.addIssue({ code: 'custom', message: tooLong ? SIGNUP_MESSAGES.emailTooLong : SIGNUP_MESSAGES.emailInvalid });
        return z.NEVER;
      }
      return email;
    }),
  website: z.string().max(500).optional().default(''),
  placement: z.enum(SIGNUP_PLACEMENTS, { error: SIGNUP_MESSAGES.formOutdated }).default('page'),
  consent: z
    .string({ error: SIGNUP_MESSAGES.formOutdated })
    .refine((v): v is ConsentVersion => isConsentVersion(v), SIGNUP_MESSAGES.formOutdated),
});

export type SignupInput = z.infer<typeof signupSchema> & { consent: ConsentVersion };

/** A token from a mail link: URL-safe characters (and the dot of a signed token), bounded length. */
export const tokenSchema = z.string({ error: TOKEN_MESSAGE }).regex(/^[A-Za-z0-9_.-]{16,200}$/, TOKEN_MESSAGE);

export type ValidationFailure = { field: string | null; message: string };

/** The first problem zod found, as the one message a reader sees (and the field it belongs to). */
export function toValidationFailure(error: z.ZodError): ValidationFailure {
  const issue = error.issues[0];
  const field = issue?.path[0];
  return { field: typeof field === 'string' ? field : null, message: issue?.message ?? SIGNUP_MESSAGES.formOutdated };
}

/** Parses a signup; either the normalised input or the reader-facing reason it was refused. */
export function parseSignup(input: unknown): { ok: true; value: SignupInput } | { ok: false; failure: ValidationFailure } {
  const result = signupSchema.safeParse(input);
  if (!result.success) return { ok: false, failure: toValidationFailure(result.error) };
  return { ok: true, value: result.data as SignupInput };
}
