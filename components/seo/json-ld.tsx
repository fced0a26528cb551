import { serializeJsonLd } from '@/lib/seo/json-ld';

type JsonLdProps = { data: object };

/** One structured-data block, rendered into the server HTML where crawlers read it. */
export function JsonLd({ data }: JsonLdProps) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
