import { z } from 'zod';
import { line } from './draft';
import { stripCreditPrefix } from './fields';
import { PICTURE_LIMITS } from './picture-fields';

/**
 * The picture library's words as the routes validate them (ADR 0046). Apart
 * from ./picture-fields.ts, which the editor's dialog loads in the browser:
 * zod there would be in the newsroom's client bundle, where it probes for
 * `eval` and the Content-Security-Policy reports it.
 */

/** Caption, credit and alt text as an editor sends them; the credit loses a typed 「写真:」, which the site adds itself. */
export const pictureFieldsSchema = z.object({
  caption: line(PICTURE_LIMITS.caption),
  credit: line(PICTURE_LIMITS.credit).transform(stripCreditPrefix),
  alt: line(PICTURE_LIMITS.alt),
});

export type PictureFields = z.output<typeof pictureFieldsSchema>;
