import { answeringServerFaults, handleFrontPageSave } from '@/lib/newsroom';

/** Saves the desk's front page: the lead and the featured stories (JSON from /newsroom/front-page). */
export const POST = answeringServerFaults((request: Request) => handleFrontPageSave(request));
