import type { DemoMagazineIssue, DemoPublication } from './types';

/**
 * The fictional weekly 「週刊Kiji」: the issue on sale now (weeksAgo 0) and the
 * thirteen before it. Features echo the demo's news topics so the magazine
 * page and the articles read as one publication.
 */
export const demoMagazineIssues: DemoMagazineIssue[] = [
  {
    weeksAgo: 0,
    featureTitle: 'コメの値段はなぜ下がらないのか',
    blurb:
      '店頭価格の高止まりが続く主食米。田んぼから卸、スーパーの棚まで流通の各段階をたどり、値段が下がりにくい理由を探った。備蓄米や輸入米が家計に届くまでの時間差も検証する。',
    motif: 'market',
    articles: ['japan-rice-store-price-rises', 'business-rice-yamabe-request', 'japan-kurata-osaka-rice-shops', 'japan-rice-farmers-succession', 'business-rice-osaka-blend'],
  },
  {
    weeksAgo: 1,
    featureTitle: '生成AIと働く 職場の新しいルール',
    blurb:
      '議事録づくりから企画書の下書きまで、生成AIが日々の仕事に入り込んでいる。導入を進める中小企業や自治体の現場を訪ね、情報漏えいを防ぐ社内ルールと、人にしかできない仕事の線引きを考える。',
    motif: 'office',
    // The Q&A is scheduled: the issue's page lists it once it is published.
    articles: ['technology-ai-rules-feature', 'japan-municipal-genai-guideline', 'technology-ai-label-rule-qa'],
  },
  {
    weeksAgo: 2,
    featureTitle: '家庭の防災、いま見直す10のこと',
    blurb:
      '大きな地震や豪雨はいつ起きてもおかしくない。水と食料の備蓄量、家具の固定、家族との連絡手段、在宅避難の準備まで、専門家と一緒にわが家の備えを点検した。切り取って使えるチェックリスト付き。',
    motif: 'shelter',
    articles: ['japan-disaster-first-72-hours', 'japan-shelter-guideline-tsujimoto', 'society-hokkaido-winter-shelter-drill'],
  },
  {
    weeksAgo: 3,
    featureTitle: '半導体工場が来た町の3年間',
    blurb:
      '先端半導体の新工場が稼働して3年。人口が増え、地価や家賃が上がり、商店街や農家の暮らしも変わった。誘致に沸いた山あいの町が直面する水不足や人手の奪い合いなど、光と影を現地で追った。',
    motif: 'factory',
    articles: ['business-chip-kumamoto-feature', 'technology-minato-kumamoto-plant', 'business-kumamoto-solar-storage'],
  },
  {
    weeksAgo: 4,
    featureTitle: '60代からのお金の地図 年金と資産の新常識',
    blurb:
      '年金の受け取り方ひとつで、手取りは大きく変わる。繰り下げ受給の損益分岐点、退職金の受け取り方、非課税で投資できる制度の使い方まで、60代から考えたいお金の基本を図解で整理した。',
    motif: 'coins',
  },
  {
    weeksAgo: 5,
    featureTitle: '訪日客4000万人時代の観光地',
    blurb:
      '訪日客が年間4000万人に迫り、人気の観光地では混雑や渋滞が日常になった。入域料や予約制を取り入れた自治体、客の分散に知恵を絞る宿の取り組みから、観光と地元の暮らしを両立させる道を探る。',
    motif: 'temple',
  },
  {
    weeksAgo: 6,
    featureTitle: 'ローカル線、存続への処方箋',
    blurb:
      '乗客の減少が続く全国のローカル線。バスへの転換を選んだ地域と、観光列車や上下分離で鉄路を残した地域を訪ね、住民の足を守るために何が必要なのかを考える。沿線で暮らす人々の声も紹介する。',
    motif: 'train',
  },
  {
    weeksAgo: 7,
    featureTitle: '宇宙ビジネス最前線 小型衛星が変える暮らし',
    blurb:
      '手のひらほどの小型衛星が次々と打ち上げられ、天気予報や農業、災害対応に使われ始めた。宇宙ベンチャーの技術者や研究者を取材し、宇宙ビジネスが私たちの暮らしにもたらす変化を展望する。',
    motif: 'satellite',
  },
  {
    weeksAgo: 8,
    featureTitle: '映画祭の舞台裏 海浜国際映画祭の10日間',
    blurb:
      '海辺の町が映画一色に染まる10日間。上映作品の選考から字幕の制作、レッドカーペットの設営まで、海浜国際映画祭を支える裏方たちの仕事に密着した。注目の新人監督へのインタビューも掲載。',
    motif: 'cinema',
  },
  {
    weeksAgo: 9,
    featureTitle: '洋上風力は日本の電気を変えるか',
    blurb:
      '洋上風力発電の計画が各地の沖合で相次いでいる。漁業との共存、送電網の増強、電気料金への影響など課題は多い。建設が進む港町を訪ね、再生可能エネルギーの主役になれるのかを検証した。',
    motif: 'wind',
  },
  {
    weeksAgo: 10,
    featureTitle: '本屋のない町に本を届ける',
    blurb:
      '書店が一軒もない自治体が全国で増えている。移動書店のバスや無人の古本棚、図書館と組んだ読書会など、本と人との出会いを守ろうとする人たちを訪ねた。編集部が選ぶ新刊ガイド付き。',
    motif: 'books',
  },
  {
    weeksAgo: 11,
    featureTitle: '関税の波が家計に届くまで',
    blurb:
      '輸入品にかかる関税が引き上げられると、食卓や家電の値段はいつ、どれだけ上がるのか。港に届くコンテナから店頭の値札まで、関税の影響が家計に及ぶ道筋を専門家の試算とともにたどった。',
    motif: 'harbor',
  },
  {
    weeksAgo: 12,
    featureTitle: '里山に移り住む 地方移住のリアル',
    blurb:
      '都会を離れ、里山の集落で暮らし始める人が増えている。空き家の探し方、仕事と収入の確保、地域の行事との付き合い方まで、移住して数年の家族に本音を聞いた。失敗しないための準備も紹介する。',
    motif: 'fields',
  },
  {
    weeksAgo: 13,
    featureTitle: '副業は当たり前になったか 働き方の現在地',
    blurb:
      '副業を認める会社が増え、会社員の働き方は多様になった。収入の柱を複数持つ人、本業との両立に悩む人、社員の副業を後押しする経営者に話を聞き、これからの働き方のかたちを探った。',
    motif: 'phone',
  },
];

/**
 * Special editions (別冊・増刊) and mooks from the same editors: three on sale
 * now and one older edition that has sold out.
 */
export const demoPublications: DemoPublication[] = [
  {
    slug: 'ai-shigoto-zukan',
    title: '週刊Kiji増刊 生成AI時代の仕事図鑑',
    kind: 'special',
    blurb:
      '生成AIで仕事はどう変わるのか。事務、営業、医療、農業など50の職種について、AIに任せられる作業と人に残る役割を現場の声とともに整理した。就職や転職を考える人にも役立つ一冊。',
    onSaleDaysAgo: 3,
    onSale: true,
    priceYen: 990,
    motif: 'robot',
  },
  {
    slug: 'okane-no-kyokasho',
    title: '週刊Kiji別冊 いちからわかる お金の教科書',
    kind: 'special',
    blurb:
      '家計の見直し、保険の選び方、積み立て投資の始め方から相続の基本まで、お金の悩みに一冊で答える。週刊Kijiの人気連載を大幅に加筆し、図解と事例で分かりやすくまとめた保存版。',
    onSaleDaysAgo: 11,
    onSale: true,
    priceYen: 1210,
    motif: 'chart',
  },
  {
    slug: 'local-line-zekkei',
    title: 'Kijiムック ローカル線でめぐる ニッポン絶景の旅',
    kind: 'mook',
    blurb:
      '海沿いを走る単線、雪の峠を越える一両編成、木造の駅舎が残る終着駅。全国のローカル線から編集部が選んだ30路線を、沿線の味や宿の情報とともに紹介する。乗り継ぎに便利な路線図付き。',
    onSaleDaysAgo: 26,
    onSale: true,
    priceYen: 1650,
    motif: 'train',
  },
  {
    slug: 'bosai-handbook',
    title: 'Kijiムック 家族を守る防災ハンドブック',
    kind: 'mook',
    blurb:
      '地震、豪雨、大雪、猛暑。災害ごとに家族で決めておきたいことを、イラストとチェックリストでまとめた。避難所での過ごし方や、ペットと一緒に避難するときの注意点も詳しく解説している。',
    onSaleDaysAgo: 180,
    onSale: false,
    priceYen: 1320,
    motif: 'weather',
  },
];
