import { answeringServerFaults, handlePictureSearch } from '@/lib/newsroom';

/** A page of the picture library for the editor's dialog (JSON `{ query, page }`). */
export const POST = answeringServerFaults(handlePictureSearch);
