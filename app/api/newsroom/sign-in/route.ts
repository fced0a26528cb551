import { handleSignIn } from '@/lib/newsroom/sign-in';

export const POST = handleSignIn;
