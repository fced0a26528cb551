import type { Motif } from '../demo/types';

export type IllustrationPalette = 'world' | 'business' | 'japan' | 'society' | 'technology' | 'culture' | 'magazine';

export type RenderIllustrationOptions = {
  /** Stable identity of the picture (e.g. the article key); drives every random choice. */
  key: string;
  motif: Motif;
  /** Pixels. */
  width: number;
  /** Pixels. */
  height: number;
  /** Colour family; omitted = chosen from the key among the six section palettes. */
  palette?: IllustrationPalette;
  /** Cover title, drawn large. Article images never carry text. */
  label?: string;
  /** Latin masthead shown above a label; defaults to 'KIJI WEEKLY', '' omits it. */
  masthead?: string;
};
