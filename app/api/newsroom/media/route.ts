import { answeringServerFaults, handlePictureUpload } from '@/lib/newsroom';

/** Uploads a photo (multipart `file`, with optional caption, credit and alt) into the picture library; answers its entry. */
export const POST = answeringServerFaults(handlePictureUpload);
