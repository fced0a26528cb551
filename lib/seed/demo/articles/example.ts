import type { DemoArticle } from '../types';

// Format reference only (not seeded). Copy the shape, never the words.
export const exampleArticles: DemoArticle[] = [
  {
    key: 'example-harbor-festival',
    section: 'culture',
    headline: '港町の夏祭り、3年ぶりに花火復活 「子どもたちの笑顔が戻った」と実行委',
    standfirst: '資金難で中止が続いていた花火大会が、地元企業の協賛で再開した。',
    body: `港町として知られる架空の町・潮見町で20日、夏祭りの花火大会が3年ぶりに開かれ、約2万人の見物客でにぎわった。

## 協賛企業が資金を支える

実行委員会の委員長は「子どもたちの笑顔が戻った」と語った。

> 来年も続けられるよう、町全体で支えたい

::figure[打ち上げ前の会場(イメージ)]{src="/media/demo/example-harbor-festival-1.webp" alt="夜の港に並ぶ屋台の明かり" credit="Kiji編集部" motif="harbor"}

- 打ち上げ数は約5000発
- 来年は8月の第1土曜日に開催予定

::pagebreak

## 2ページ目の小見出し

続きの本文。詳しくは[インバウンド観光のまとめ](/topics/inbound-tourism)へ。`,
    topics: ['inbound-tourism'],
    tags: ['kyoto'],
    authors: ['sasaki-mio'],
    published: { daysAgo: 3, time: '19:45' },
    hero: { motif: 'harbor', alt: '夜空に広がる花火と港の灯り', caption: '3年ぶりに打ち上げられた花火(イメージ)', credit: 'Kiji編集部' },
  },
];
