import type { DemoArticle } from '../types';
import { businessArticles } from './business';
import { cultureArticles } from './culture';
import { japanArticles } from './japan';
import { liveArticles } from './live';
import { societyArticles } from './society';
import { technologyArticles } from './technology';
import { worldArticles } from './world';

/** Every hand-written demo article, all sections. */
export const demoArticles: DemoArticle[] = [
  ...worldArticles,
  ...businessArticles,
  ...japanArticles,
  ...societyArticles,
  ...technologyArticles,
  ...cultureArticles,
  ...liveArticles,
];
