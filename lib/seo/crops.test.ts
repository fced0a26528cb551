import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropPath, decideCropSize, isCropRatio, renderCrop } from './crops';

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
});
