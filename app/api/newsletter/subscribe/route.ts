import { getNewsletterDeps, handleSignup } from '@/lib/newsletter';

/** POST /api/newsletter/subscribe: the signup form (JSON from the enhanced form, form-encoded without JavaScript). */
export async function POST(request: Request) {
  return handleSignup(request, await getNewsletterDeps());
}
