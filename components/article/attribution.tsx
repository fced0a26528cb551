import type { Attribution } from '@/lib/content';

type AttributionBlockProps = { attribution: Attribution };

/** A wire story's source: [agency], the syndication credit, the copyright line and the agency's story code. */
export function AttributionBlock({ attribution }: AttributionBlockProps) {
  return (
    <footer aria-label="配信元" className="mt-8 space-y-1 border-t border-rule pt-4 text-sm text-muted" data-testid="attribution">
      <p className="font-semibold text-ink">[{attribution.agencyName}]</p>
      <p>{attribution.syndicationCredit}</p>
      <p className="text-xs">{attribution.copyrightLine}</p>
      {attribution.wireCode && (
        <p className="text-xs text-muted" data-testid="wire-code">
          <span className="sr-only">配信記事番号 </span>
          {attribution.wireCode}
        </p>
      )}
    </footer>
  );
}
