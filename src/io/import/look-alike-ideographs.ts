/**
 * Fonts that PDF producers subset (notably Chromium's Type3 fonts from Noto CJK) map some
 * ideographs to the look-alike code points of the CJK radical blocks: ⻔ U+2ED4 for 门, ⺠ U+2EA0
 * for 民, ⽬ U+2F6C for 目. Text extraction then yields characters that look right and compare
 * wrong, and so does everything copied out of such a PDF: text files, and Word and Excel cells
 * pasted from it. Every importer therefore restores the unified ideographs (PDF runs, text, grid cells).
 */

// Radical → unified ideograph, as pairs of characters. Chromium (Skia) writes each glyph's
// ToUnicode from the font's own cmap, and where a radical and an ideograph share a glyph it names
// the radical (seen: 户 printed, ⼾ read). Where Noto Sans CJK SC or Noto Serif CJK SC (what
// Debian's Chromium prints Chinese with) share a glyph, the pair is that ideograph, read off their
// cmap tables: ⻧ 卤, and ⼾ 户 (NFKC would give 戶, a different glyph in SC: 财政专户 printed as
// 财政专戶). The two faces never disagree. Other radicals of the supplement (U+2E80–U+2EFF),
// which Unicode gives no NFKC mapping, follow the collation weights in glibc's
// /usr/share/i18n/locales/iso14651_t1_common (the radical sorts as its ideograph).
const RADICAL_PAIRS =
  '⺀丶⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇几⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺑尣⺒巳⺓幺' +
  '⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭' +
  '⺩王⺪疋⺫罒⺬示⺭礻⺮竹⺯糹⺰纟⺱罓⺲罒⺳㓁⺴罓⺵罒⺶羊⺷羊⺸羋⺹耂⺺肀⺻聿⺼肉' +
  '⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏邑⻐钅' +
  '⻑長⻒镸⻓长⻔门⻕阜⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞飠⻟飠⻠饣⻡首⻢马⻣骨⻤鬼' +
  '⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭齒⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟' +
  // Kangxi radicals whose SC glyph is not that of their NFKC ideograph.
  '⼾户';

const RADICALS = new Map<string, string>();
for (let i = 0; i + 1 < RADICAL_PAIRS.length; i += 2) {
  RADICALS.set(RADICAL_PAIRS[i] ?? '', RADICAL_PAIRS[i + 1] ?? '');
}

const LOOK_ALIKE = /[\u2e80-\u2fdf\uf900-\ufaff]/g;

/**
 * Replaces radical-block look-alikes by their unified ideographs: the radicals supplement and ⼾ by
 * the table above, other Kangxi radicals (U+2F00–U+2FDF) and compatibility ideographs
 * (U+F900–U+FAFF) by NFKC of that character alone. Everything else, full-width punctuation included, is untouched.
 */
export function restoreIdeographs(text: string): string {
  return text.replace(LOOK_ALIKE, (ch) => RADICALS.get(ch) ?? ch.normalize('NFKC'));
}
