/**
 * The picture of a あわせて読みたい card, as the browser asks the image
 * optimiser for it. Built where the card renders (on the server for the first
 * HTML, in the browser for cards fetched later) from the stored picture's
 * path and size, so each card carries ~150 bytes of picture instead of a
 * ~900-byte srcset: the cards travel in the page's RSC payload (the
 * carousel's props) besides its HTML, and in the JSON route.
 */

/** Slide widths in the carousel: 70 % of a phone, a third of a tablet, a quarter of the desktop main column. */
export const CARD_IMAGE_SIZES = '(max-width: 640px) 70vw, (max-width: 1024px) 33vw, 200px';

/**
 * Optimiser widths for a slide drawn at 144–448 CSS px (a quarter of the
 * 1024 px desktop column to 70 % of a 640 px phone), up to 2× the widest
 * (lib/media/srcset.ts's rule). Each must be one of next.config.ts's
 * images.deviceSizes or imageSizes, or the optimiser answers 400 (tested).
 */
export const CARD_IMAGE_WIDTHS = [256, 390, 640, 828, 1080] as const;

/** next/image's default quality, the only one the optimiser accepts unless next.config.ts lists others. */
export const CARD_IMAGE_QUALITY = 75;

/** A stored picture as a card needs it: path under /media and intrinsic size. */
export type CardImage = { src: string; width: number; height: number };

/** next/image's default loader URL (`/_next/image?url=…&w=…&q=…`). */
function optimiserUrl(src: string, width: number): string {
  return `/_next/image?url=${encodeURIComponent(src)}&w=${width}&q=${CARD_IMAGE_QUALITY}`;
}

/** The `<img>` attributes of a card's picture: the widest candidate as `src`, as next/image does. */
export function toCardImageProps(image: CardImage) {
  return {
    src: optimiserUrl(image.src, CARD_IMAGE_WIDTHS[CARD_IMAGE_WIDTHS.length - 1]!),
    srcSet: CARD_IMAGE_WIDTHS.map((w) => `${optimiserUrl(image.src, w)} ${w}w`).join(', '),
    sizes: CARD_IMAGE_SIZES,
    width: image.width,
    height: image.height,
  };
}
