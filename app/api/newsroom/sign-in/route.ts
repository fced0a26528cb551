import { answeringServerFaults, handleSignIn } from '@/lib/newsroom';

export const POST = answeringServerFaults(handleSignIn);
