import { getImageProps, type ImageProps } from 'next/image';
import { preload } from 'react-dom';

type PictureProps = Omit<ImageProps, 'preload' | 'priority' | 'loading' | 'src' | 'width' | 'height'> & {
  src: string;
  width: number;
  height: number;
  /** The largest paint of the page it leads: preloaded, eager, high priority. Everything else is lazy. */
  lead?: boolean;
};

/**
 * next/image's optimised, responsive `<img>` rendered on the server with no
 * client component (next/image's own component ships ~6 KB of script to every
 * page for behaviour we do not use).
 */
export function Picture({ lead = false, ...image }: PictureProps) {
  const { props } = getImageProps({ ...image, loading: lead ? 'eager' : 'lazy', fetchPriority: lead ? 'high' : undefined });
  if (lead) {
    preload(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: 'high' });
  }
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own output
  return <img {...props} />;
}
