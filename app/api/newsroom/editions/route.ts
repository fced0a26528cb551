import { answeringServerFaults, handleEditionCreate } from '@/lib/newsroom';

/** Creates a draft newsletter edition from the editor's first save (JSON from /newsroom/editions/new). */
export const POST = answeringServerFaults((request: Request) => handleEditionCreate(request));
