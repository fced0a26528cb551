import { answeringServerFaults, handleCreateAccount } from '@/lib/newsroom';

/** Creates a newsroom account (管理者 only). */
export const POST = answeringServerFaults(async (request: Request) => handleCreateAccount(request));
