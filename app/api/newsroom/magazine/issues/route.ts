import { answeringServerFaults, handleIssueCreate } from '@/lib/newsroom';

/** Creates a magazine issue with its cover and contents (JSON from /newsroom/magazine/issues/new). */
export const POST = answeringServerFaults((request: Request) => handleIssueCreate(request));
