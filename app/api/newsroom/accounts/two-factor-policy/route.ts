import { answeringServerFaults, handleTwoFactorPolicy } from '@/lib/newsroom';

/** Whether デスク and 管理者 must use two-factor sign-in (管理者 only). */
export const POST = answeringServerFaults(handleTwoFactorPolicy);
