import { answeringServerFaults, handleSignInCode } from '@/lib/newsroom';

/** The second step of sign-in: the 確認コード of an account with two-factor sign-in (ADR 0043). */
export const POST = answeringServerFaults(handleSignInCode);
