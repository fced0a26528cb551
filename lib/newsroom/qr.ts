import { create } from 'qrcode';

/** The QR code of `text` as an SVG path in module units (a 4-module quiet zone included), drawn by the server: no image request, no network. */
export type QrDrawing = { size: number; path: string };

const QUIET_ZONE = 4;

/**
 * Draws `text` (the otpauth:// URI of an enrolment) as a QR code: the
 * `qrcode` package encodes it, at level M as authenticator apps expect;
 * each dark run of a row becomes one horizontal stroke, so the path stays short.
 */
export function drawQrCode(text: string): QrDrawing {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE + 0.5}h${col - start}`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
