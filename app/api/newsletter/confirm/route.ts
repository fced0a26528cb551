import { getNewsletterDeps, handleConfirm } from '@/lib/newsletter';

/** POST /api/newsletter/confirm: the button on the confirmation page (a GET never confirms: mail scanners follow links). */
export async function POST(request: Request) {
  return handleConfirm(request, await getNewsletterDeps());
}
