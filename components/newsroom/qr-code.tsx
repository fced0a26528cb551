import type { QrDrawing } from '@/lib/newsroom/qr';

type QrCodeProps = { drawing: QrDrawing; label: string };

/** A QR code drawn by the server as inline SVG: nothing to fetch, and the page's CSP allows no data: images. */
export function QrCode({ drawing, label }: QrCodeProps) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${drawing.size} ${drawing.size}`}
      width={200}
      height={200}
      shapeRendering="crispEdges"
      className="h-auto w-[200px] max-w-full border border-rule"
    >
      <rect width={drawing.size} height={drawing.size} fill="#fff" />
      <path d={drawing.path} stroke="#000" strokeWidth={1} fill="none" />
    </svg>
  );
}
