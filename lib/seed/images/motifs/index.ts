// One drawer per Motif; the keys' order is the order ILLUSTRATION_MOTIFS lists them in.
import type { Motif } from '../../demo/types';
import { drawChart, drawCircuit, drawGlobe, drawWeather } from './diagrams';
import { drawSolar, drawWind } from './energy';
import { drawBooks, drawCrowd, drawStage, drawTrain } from './everyday';
import { drawCare, drawFactory, drawHall, drawPodium, drawSummit } from './institutions';
import { drawCoins, drawPhone, drawShogi } from './objects';
import { drawCity, drawFields, drawHarbor, drawMountains, drawPaddy, drawStorm, drawWaves } from './scenery';
import { drawSatellite, drawShip } from './sea-and-space';
import { drawBus, drawMarket, drawSnow, drawTemple } from './streets';
import { drawCinema, drawKitchen, drawOffice, drawRobot, drawServer, drawShelter } from './interiors';
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
  bus: drawBus,
  market: drawMarket,
  temple: drawTemple,
  snow: drawSnow,
  shelter: drawShelter,
  office: drawOffice,
  kitchen: drawKitchen,
  cinema: drawCinema,
  server: drawServer,
  robot: drawRobot,
  wind: drawWind,
  solar: drawSolar,
  ship: drawShip,
  satellite: drawSatellite,
  coins: drawCoins,
  phone: drawPhone,
  shogi: drawShogi,
  weather: drawWeather,
  summit: drawSummit,
};

/** Every motif the generator can draw. */
export const ILLUSTRATION_MOTIFS: readonly Motif[] = Object.keys(DRAWERS) as Motif[];
