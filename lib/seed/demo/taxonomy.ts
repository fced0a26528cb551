import { siteSections } from '../../site/config';
import type { DemoAgency, DemoAuthor, DemoSeries, DemoTag, DemoTopic } from './types';

/**
 * Everything the demo articles refer to by slug. Every person and agency here
 * is fictional; real places appear only as settings.
 */

export const demoSections = siteSections;

export const demoTopics: DemoTopic[] = [
  { slug: 'hokkai-union', name: '北海連合情勢', description: '北欧の架空の国家連合「北海連合」をめぐる外交と安全保障の動き' },
  { slug: 'energy-transition', name: 'エネルギー転換', description: '再生可能エネルギー、送電網、電力価格をめぐる動き' },
  { slug: 'chip-race', name: '半導体競争', description: '先端半導体の開発と工場誘致をめぐる各国・各社の競争' },
  { slug: 'rice-prices', name: 'コメ価格', description: '主食米の価格と流通、農政の行方' },
  { slug: 'ai-rules', name: 'AIルールづくり', description: '生成AIの規制と活用をめぐる議論' },
  { slug: 'disaster-readiness', name: '防災・減災', description: '地震・豪雨への備えと復興の現場' },
  { slug: 'inbound-tourism', name: 'インバウンド観光', description: '訪日客の急増と地域の受け入れ' },
  { slug: 'trade-talks', name: '通商交渉', description: '関税と貿易協定をめぐる交渉の行方' },
  { slug: 'aging-society', name: '超高齢社会', description: '介護・年金・地域の担い手不足' },
  { slug: 'space-race', name: '宇宙開発', description: '月・小型衛星・宇宙ビジネスの最前線' },
  { slug: 'film-festival', name: '海浜国際映画祭', description: '架空の映画祭「海浜国際映画祭」の話題' },
  { slug: 'work-style', name: '働き方の変化', description: '賃上げ、副業、リモートワークの現在地' },
];

export const demoTags: DemoTag[] = [
  // People (all fictional)
  { slug: 'lindholm', name: 'リンドホルム外相', kind: 'person', description: '北海連合の外相' },
  { slug: 'aaltonen', name: 'アールトネン議長', kind: 'person', description: '北海連合評議会の議長' },
  { slug: 'marovic', name: 'マロヴィッチ大統領', kind: 'person', description: '架空の国「ドラヴァ共和国」の大統領' },
  { slug: 'okafor', name: 'オカフォー事務局長', kind: 'person', description: '国際エネルギー協調機構(架空)の事務局長' },
  { slug: 'saeki-haruka', name: '佐伯遥', kind: 'person', description: '経済再生担当相' },
  { slug: 'kurata-shinji', name: '倉田真治', kind: 'person', description: '農林水産相' },
  { slug: 'mizuno-kaori', name: '水野香織', kind: 'person', description: 'デジタル担当相' },
  { slug: 'tsujimoto-ryo', name: '辻本亮', kind: 'person', description: '官房長官' },
  { slug: 'hayami-yasuo', name: '速水康夫', kind: 'person', description: '中央銀行総裁' },
  { slug: 'ishizaki-megumi', name: '石崎めぐみ', kind: 'person', description: '大阪湾岸市長' },
  { slug: 'kanda-yuto', name: '神田悠斗', kind: 'person', description: '半導体メーカー「ミナト電子」社長' },
  { slug: 'morishita-aya', name: '森下彩', kind: 'person', description: 'AIスタートアップ「ことのは研究所」代表' },
  { slug: 'nagase-tomoko', name: '長瀬智子', kind: 'person', description: '映画監督' },
  { slug: 'fujii-ren', name: '藤井蓮', kind: 'person', description: '俳優' },
  { slug: 'shiraishi-kenta', name: '白石健太', kind: 'person', description: '宇宙ベンチャー「あおぞらスペース」CEO' },
  { slug: 'ogawa-naomi', name: '小川直美', kind: 'person', description: '防災研究者、東都大学教授' },
  { slug: 'tachibana-sho', name: '橘翔', kind: 'person', description: 'プロ棋士' },
  { slug: 'yamabe-kiyoshi', name: '山辺清', kind: 'person', description: '全国農業協同連合(架空)会長' },
  { slug: 'hoshino-mai', name: '星野舞', kind: 'person', description: '作家' },
  { slug: 'amano-takumi', name: '天野拓海', kind: 'person', description: 'エコノミスト' },
  { slug: 'kuroda-emi', name: '黒田恵美', kind: 'person', description: '介護事業者団体の代表' },
  { slug: 'sugimura-ken', name: '杉村健', kind: 'person', description: '観光庁長官' },
  { slug: 'hwang-minji', name: 'ファン・ミンジ', kind: 'person', description: '環太平洋通商フォーラム(架空)の首席交渉官' },
  { slug: 'castellanos', name: 'カステジャノス通商代表', kind: 'person', description: '架空の国「サンタ・ルシア連邦」の通商代表' },
  { slug: 'miura-daichi', name: '三浦大地', kind: 'person', description: 'ロボット工学者' },
  // Places (real places as settings)
  { slug: 'tokyo', name: '東京', kind: 'place' },
  { slug: 'osaka', name: '大阪', kind: 'place' },
  { slug: 'hokkaido', name: '北海道', kind: 'place' },
  { slug: 'fukuoka', name: '福岡', kind: 'place' },
  { slug: 'kyoto', name: '京都', kind: 'place' },
  { slug: 'okinawa', name: '沖縄', kind: 'place' },
  { slug: 'niigata', name: '新潟', kind: 'place' },
  { slug: 'kumamoto', name: '熊本', kind: 'place' },
  { slug: 'sendai', name: '仙台', kind: 'place' },
  { slug: 'geneva', name: 'ジュネーブ', kind: 'place' },
  { slug: 'singapore', name: 'シンガポール', kind: 'place' },
  { slug: 'brussels', name: 'ブリュッセル', kind: 'place' },
  { slug: 'oslo', name: 'オスロ', kind: 'place' },
  { slug: 'new-york', name: 'ニューヨーク', kind: 'place' },
  { slug: 'seoul', name: 'ソウル', kind: 'place' },
  // Organisations (fictional companies; real public bodies only as settings)
  { slug: 'un', name: '国連', kind: 'organization' },
  { slug: 'hokkai-council', name: '北海連合評議会', kind: 'organization', description: '架空の国家連合の意思決定機関' },
  { slug: 'minato-denshi', name: 'ミナト電子', kind: 'organization', description: '架空の半導体メーカー' },
  { slug: 'kotonoha-lab', name: 'ことのは研究所', kind: 'organization', description: '架空のAIスタートアップ' },
  { slug: 'aozora-space', name: 'あおぞらスペース', kind: 'organization', description: '架空の宇宙ベンチャー' },
  { slug: 'central-bank', name: '中央銀行', kind: 'organization' },
  { slug: 'mirai-kotsu', name: 'ミライ交通', kind: 'organization', description: '架空のモビリティ企業' },
];

export const demoAgencies: DemoAgency[] = [
  {
    slug: 'toyo',
    name: '東洋通信',
    syndicationCredit: '東洋通信社ジャパン',
    copyrightLine: 'Copyright (C) {year} 東洋通信社ジャパン(株) 記事の無断転用を禁じます',
  },
  {
    slug: 'pacific',
    name: '環太平洋ニュース',
    syndicationCredit: '環太平洋ニュース・ジャパン',
    copyrightLine: 'Copyright (C) {year} Pan-Pacific News Japan 記事の無断転用を禁じます',
  },
  {
    slug: 'nordpress',
    name: '北欧プレス',
    syndicationCredit: '北欧プレス日本語サービス',
    copyrightLine: '© {year} 北欧プレス All rights reserved. 無断転載を禁じます',
  },
];

/**
 * Wire-code formats, one per agency (the code is kept verbatim, never rebuilt):
 * toyo `[TY20261120-0042]`, pacific `[nP4K7QX2M9]` (n + 9 capitals/digits),
 * nordpress `[NP-2611-3381]`.
 */
export const wireCodeExamples = { toyo: '[TY20261120-0042]', pacific: '[nP4K7QX2M9]', nordpress: '[NP-2611-3381]' };

export const demoSeries: DemoSeries[] = [
  { slug: 'next-makers', name: '次をつくる人', description: '新しい産業や文化を切り開く人を訪ねる連載インタビュー', sponsored: false },
  { slug: 'tohoku-kitchens', name: '東北の台所から', description: '東北各地の食卓と、それを支える生産者の物語', sponsored: false },
  { slug: 'numbers-japan', name: '数字で読む日本', description: '統計の数字から暮らしと経済の変化を読み解く', sponsored: false },
  {
    slug: 'future-mobility',
    name: '未来のモビリティ',
    description: '移動の未来を考えるスポンサード連載',
    sponsored: true,
    sponsorName: 'ミライ交通株式会社',
  },
];

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'editorial',
    name: 'Kiji編集部',
    role: '編集部',
    profile: 'Kiji編集部の記者・編集者が共同で取材・執筆した記事です。複数の部にまたがる取材や、速報の第一報などを担当しています。',
  },
  {
    slug: 'ito-sayaka',
    name: '伊東さやか',
    role: '経済部記者',
    profile: '2015年入社。地方支局で農業と地場産業を担当したのち、経済部で日銀・金融、エネルギーを取材。物価と賃金の動きを、家計の目線から追いかけています。',
  },
  {
    slug: 'nakamura-jun',
    name: '中村潤',
    role: '国際部記者',
    profile: '北欧の支局に4年間駐在し、北海連合の外交と安全保障を取材。帰国後は国際部で欧州と通商交渉を担当しています。',
  },
  {
    slug: 'okada-rie',
    name: '岡田理恵',
    role: '社会部記者',
    profile: '社会部で災害・防災と地域医療を担当。被災地には発生直後から通い続け、復興の現場を定点で記録しています。',
  },
  {
    slug: 'takeda-koji',
    name: '武田浩二',
    role: 'テクノロジー担当編集委員',
    profile: '半導体、AI、宇宙ビジネスを20年以上取材。著書に『工場が街を変える』(架空)。技術の話を、暮らしと産業への影響から読み解きます。',
  },
  {
    slug: 'sasaki-mio',
    name: '佐々木澪',
    role: '文化部記者',
    profile: '文化部で映画・文学・将棋を担当。海浜国際映画祭は第1回から取材しています。',
  },
];
