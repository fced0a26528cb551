import { answeringServerFaults, handlePublicationCreate } from '@/lib/newsroom';

/** Creates a MOOK or special edition (JSON from /newsroom/magazine/publications/new). */
export const POST = answeringServerFaults((request: Request) => handlePublicationCreate(request));
