/**
 * Russian ordinals in words, feminine nominative (сессия is feminine), as session lines print them:
 * 47 → "Сорок седьмая". Only the last word is an ordinal; the words before it stay cardinals.
 * UN Russian writes е for ё (четвертая).
 */
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

const UNITS_F = ['', 'первая', 'вторая', 'третья', 'четвертая', 'пятая', 'шестая', 'седьмая', 'восьмая', 'девятая', 'десятая',
  'одиннадцатая', 'двенадцатая', 'тринадцатая', 'четырнадцатая', 'пятнадцатая', 'шестнадцатая', 'семнадцатая',
  'восемнадцатая', 'девятнадцатая'];
const TENS_F = ['', '', 'двадцатая', 'тридцатая', 'сороковая', 'пятидесятая', 'шестидесятая', 'семидесятая', 'восьмидесятая', 'девяностая'];
const HUNDREDS_F = ['', 'сотая', 'двухсотая', 'трехсотая', 'четырехсотая', 'пятисотая', 'шестисотая', 'семисотая', 'восьмисотая', 'девятисотая'];

export function ordinalRu(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`No Russian ordinal for ${n}`);
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const t = Math.floor(rest / 10);
  const u = rest % 10;
  const words: string[] = [];
  if (rest === 0) words.push(HUNDREDS_F[h]!);
  else {
    if (h) words.push(HUNDREDS[h]!);
    if (rest < 20) words.push(UNITS_F[rest]!);
    else if (u === 0) words.push(TENS_F[t]!);
    else words.push(TENS[t]!, UNITS_F[u]!);
  }
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

