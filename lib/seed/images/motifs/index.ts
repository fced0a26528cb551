// One drawer per Motif; the keys' order is the order ILLUSTRATION_MOTIFS lists them in.
import type { Motif } from '../../demo/types';
import { drawChart, drawCircuit, drawGlobe } from './diagrams';
import { drawBooks, drawCrowd, drawStage, drawTrain } from './everyday';
import { drawCare, drawFactory, drawHall, drawPodium } from './institutions';
import { drawCity, drawFields, drawHarbor, drawMountains, drawPaddy, drawStorm, drawWaves } from './scenery';
import type { Draw } from '../svg';

export const DRAWERS: Record<Motif, Draw> = {
  city: drawCity,
  harbor: drawHarbor,
  mountains: drawMountains,
  fields: drawFields,
  chart: drawChart,
  circuit: drawCircuit,
  globe: drawGlobe,
  train: drawTrain,
  stage: drawStage,
  books: drawBooks,
  waves: drawWaves,
  crowd: drawCrowd,
  podium: drawPodium,
  hall: drawHall,
  factory: drawFactory,
  paddy: drawPaddy,
  care: drawCare,
  storm: drawStorm,
};

/** Every motif the generator can draw. */
export const ILLUSTRATION_MOTIFS: readonly Motif[] = Object.keys(DRAWERS) as Motif[];
