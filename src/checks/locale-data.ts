/**
 * Language data the checks share: month names, number words and scale words, per language.
 * Data only; the checks build their patterns from it.
 */
import type { Lang } from '../core/types.js';

/**
 * Month names (index 0 = January). English abbreviations follow AP style (Jan. Feb. Aug. Sept.
 * Oct. Nov. Dec.). Arabic has three series in use: the Egyptian/Gulf transliterations
 * (يناير…), the Levantine/Iraqi Syriac names (كانون الثاني…), and the Maghreb forms (جانفي…);
 * newspapers often write two of them together, "نوفمبر/تشرين الثاني".
 */
export const MONTHS: Record<Lang, readonly (readonly string[])[]> = {
  en: [
    ['January', 'Jan'],
    ['February', 'Feb'],
    ['March', 'Mar'],
    ['April', 'Apr'],
    ['May'],
    ['June', 'Jun'],
    ['July', 'Jul'],
    ['August', 'Aug'],
    ['September', 'Sept', 'Sep'],
    ['October', 'Oct'],
    ['November', 'Nov'],
    ['December', 'Dec'],
  ],
  it: [['gennaio'], ['febbraio'], ['marzo'], ['aprile'], ['maggio'], ['giugno'], ['luglio'], ['agosto'], ['settembre'], ['ottobre'], ['novembre'], ['dicembre']],
  fr: [['janvier', 'janv'], ['février', 'févr'], ['mars'], ['avril'], ['mai'], ['juin'], ['juillet', 'juil'], ['août'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'déc']],
  ar: [
    ['يناير', 'كانون الثاني', 'جانفي'],
    ['فبراير', 'شباط', 'فيفري'],
    ['مارس', 'آذار'],
    ['أبريل', 'إبريل', 'ابريل', 'نيسان', 'أفريل'],
    ['مايو', 'أيار', 'ماي'],
    ['يونيو', 'يونية', 'حزيران', 'جوان'],
    ['يوليو', 'يولية', 'تموز', 'جويلية'],
    ['أغسطس', 'آب', 'أوت'],
    ['سبتمبر', 'أيلول'],
    ['أكتوبر', 'تشرين الأول'],
    ['نوفمبر', 'تشرين الثاني'],
    ['ديسمبر', 'كانون الأول'],
  ],
};

/**
 * Number words → value, per language: enough to recognise a number written out in words in a
 * translation ("two", "due", "deux", "اثنين") so that it is reported as a warning, not an error.
 * Compounds ("twenty-one") are not parsed.
 */
export const NUMBER_WORDS: Record<Lang, Record<string, number>> = {
  en: words(
    'zero 0 one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 thirteen 13 fourteen 14 fifteen 15 sixteen 16 seventeen 17 eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50 sixty 60 seventy 70 eighty 80 ninety 90 hundred 100 thousand 1000 million 1000000 billion 1000000000 dozen 12 first 1 second 2 third 3 fourth 4 fifth 5 tenth 10 half 0.5 twice 2 single 1 once 1',
  ),
  it: words(
    'zero 0 uno 1 una 1 un 1 due 2 tre 3 quattro 4 cinque 5 sei 6 sette 7 otto 8 nove 9 dieci 10 undici 11 dodici 12 tredici 13 quattordici 14 quindici 15 sedici 16 diciassette 17 diciotto 18 diciannove 19 venti 20 trenta 30 quaranta 40 cinquanta 50 sessanta 60 settanta 70 ottanta 80 novanta 90 cento 100 mille 1000 mila 1000 milione 1000000 milioni 1000000 miliardo 1000000000 miliardi 1000000000 dozzina 12 primo 1 prima 1 secondo 2 seconda 2 terzo 3 terza 3 quarto 4 quinto 5 decimo 10 mezzo 0.5 metà 0.5 doppio 2',
  ),
  fr: words(
    'zéro 0 un 1 une 1 deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10 onze 11 douze 12 treize 13 quatorze 14 quinze 15 seize 16 vingt 20 trente 30 quarante 40 cinquante 50 soixante 60 cent 100 mille 1000 million 1000000 millions 1000000 milliard 1000000000 milliards 1000000000 douzaine 12 premier 1 première 1 deuxième 2 second 2 seconde 2 troisième 3 quatrième 4 cinquième 5 dixième 10 demi 0.5 demie 0.5 moitié 0.5 double 2',
  ),
  ar: words(
    'صفر 0 واحد 1 واحدة 1 اثنان 2 اثنين 2 اثنتان 2 اثنتين 2 ثلاث 3 ثلاثة 3 أربع 4 أربعة 4 خمس 5 خمسة 5 ست 6 ستة 6 سبع 7 سبعة 7 ثمان 8 ثماني 8 ثمانية 8 تسع 9 تسعة 9 عشر 10 عشرة 10 عشرون 20 عشرين 20 ثلاثون 30 ثلاثين 30 أربعون 40 أربعين 40 خمسون 50 خمسين 50 ستون 60 ستين 60 سبعون 70 سبعين 70 ثمانون 80 ثمانين 80 تسعون 90 تسعين 90 مئة 100 مائة 100 ألف 1000 آلاف 1000 مليون 1000000 ملايين 1000000 مليار 1000000000 مليارات 1000000000 نصف 0.5 أول 1 الأول 1 الأولى 1 ثاني 2 الثاني 2 الثانية 2 ثالث 3 الثالث 3 الثالثة 3',
  ),
};

/** Scale words after a number: "2 million" is 2 and 2,000,000. Lower case. */
export const SCALE_WORDS: Record<Lang, Record<string, number>> = {
  en: { thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12 },
  it: { mila: 1e3, mille: 1e3, milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9 },
  fr: { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 },
  ar: { 'ألف': 1e3, 'آلاف': 1e3, 'مليون': 1e6, 'ملايين': 1e6, 'مليار': 1e9, 'مليارات': 1e9 },
};

/** Arabic one-letter prefixes (conjunctions, prepositions) and the article, as written attached to the word. */
export const ARABIC_PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'] as const;

function words(spec: string): Record<string, number> {
  const parts = spec.split(/\s+/);
  const out: Record<string, number> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i]!] = Number(parts[i + 1]);
  return out;
}
