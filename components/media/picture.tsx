import { getImageProps, type ImageProps } from 'next/image';
import { trimSrcSet, type DrawnWidths } from '@/lib/media/srcset';

type PictureProps = Omit<ImageProps, 'preload' | 'priority' | 'loading' | 'src' | 'width' | 'height'> & {
  src: string;
  width: number;
  height: number;
  /** The largest paint of the page it leads: eager and high priority. Everything else is lazy. */
  lead?: boolean;
  /** CSS widths it is drawn at across layouts: the srcset then lists only the candidates a browser can pick (lib/media/srcset.ts). */
  drawn?: DrawnWidths;
};

/**
 * next/image's optimised, responsive `<img>` rendered on the server with no
 * client component (next/image's own component ships ~6 KB of script to every
 * page for behaviour we do not use).
 *
 * The lead picture is not preloaded. React's server turns a preload, and any
 * eager `<img>` outside a `<picture>`, into a hint in the RSC payload, and the
 * client router acts on hints when it only prefetches a linked page: every
 * article and issue linked from the page being read started its picture at
 * high priority (four on the home page; e2e/images.spec.ts). So the lead
 * `<img>` sits in a `<picture>` (which React does not hint) and the browser
 * finds it early in the HTML by itself, with `fetchpriority="high"`, as
 * next/image's documentation recommends over `preload`.
 */
export function Picture({ lead = false, drawn, ...image }: PictureProps) {
  const { props } = getImageProps({ ...image, loading: lead ? 'eager' : 'lazy', fetchPriority: lead ? 'high' : undefined });
  // `alt` is already in `props` (ImageProps requires it); repeated so the linter can see it.
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own output
  const img = <img {...props} alt={props.alt} {...(drawn && props.srcSet ? trimSrcSet(props, drawn) : null)} />;
  return lead ? <picture className="contents">{img}</picture> : img;
}
