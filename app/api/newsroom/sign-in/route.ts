import { answeringServerFaults } from '@/lib/newsroom/http';
import { handleSignIn } from '@/lib/newsroom/sign-in';

export const POST = answeringServerFaults(handleSignIn);
