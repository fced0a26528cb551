import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropPath, decideCropSize, decideSocialImageSize, isCropRatio, renderCrop, renderSocialImage, socialImagePath, socialImageSource } from './crops';

describe('image crops', () => {
  it('takes the largest box of each shape from a 16:9 hero', () => {
    expect(decideCropSize(1200, 675, '16x9')).toEqual({ width: 1200, height: 675 });
    expect(decideCropSize(1200, 675, '4x3')).toEqual({ width: 900, height: 675 });
    expect(decideCropSize(1200, 675, '1x1')).toEqual({ width: 675, height: 675 });
  });

  it('names crops of stored pictures only', () => {
    expect(cropPath('/media/demo/articles/a.webp', '4x3')).toBe('/crops/4x3/demo/articles/a.webp');
    expect(cropPath('https://example.com/a.webp', '4x3')).toBeNull();
    expect(isCropRatio('4x3')).toBe(true);
    expect(isCropRatio('3x2')).toBe(false);
    expect(isCropRatio('toString')).toBe(false);
  });

  it('renders crops of the promised size', async () => {
    const original = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#336699' } }).webp().toBuffer();
    for (const [ratio, size] of [['16x9', [1200, 675]], ['4x3', [900, 675]], ['1x1', [675, 675]]] as const) {
      const crop = await renderCrop(original, ratio);
      const meta = await sharp(crop.bytes).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([...size, 'webp']);
    }
  });

  it('names each stored picture\'s JPEG link preview, and finds the original from it', () => {
    expect(socialImagePath('/media/demo/articles/a.webp')).toBe('/crops/og/demo/articles/a.webp.jpg');
    expect(socialImagePath('https://example.com/a.webp')).toBeNull();
    expect(socialImageSource('demo/articles/a.webp.jpg')).toBe('demo/articles/a.webp');
    expect(socialImageSource('demo/articles/a.webp')).toBeNull();
    expect(socialImageSource('.jpg')).toBeNull();
  });

  it('sizes link previews at 1.91:1, 1,200 wide at most, never enlarged', () => {
    expect(decideSocialImageSize(1600, 900)).toEqual({ width: 1200, height: 630 });
    expect(decideSocialImageSize(1200, 675)).toEqual({ width: 1200, height: 630 });
    expect(decideSocialImageSize(800, 600)).toEqual({ width: 800, height: 420 });
    expect(decideSocialImageSize(600, 200)).toEqual({ width: 380, height: 200 });
  });

  it('renders the link preview as a JPEG of the size the metadata announces', async () => {
    const original = await sharp({ create: { width: 1600, height: 900, channels: 4, background: { r: 30, g: 60, b: 90, alpha: 0.5 } } }).webp().toBuffer();
    const preview = await renderSocialImage(original);
    const meta = await sharp(preview.bytes).metadata();
    expect([meta.width, meta.height, meta.format, meta.hasAlpha]).toEqual([1200, 630, 'jpeg', false]);
    expect([preview.width, preview.height]).toEqual([1200, 630]);
  });
});
