/**
 * French ordinals in words, as UN French prints session lines: 47 → "Quarante-septième", 1 → "Première"
 * (session is feminine), 21 → "Vingt et unième". UN French keeps the traditional spelling, hyphens
 * between tens and units under one hundred but not around "et" or "cent" (not the 1990 all-hyphen one).
 */
const UNITS = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze',
  'treize', 'quatorze', 'quinze', 'seize'];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

function underHundred(n: number): string {
  if (n <= 16) return UNITS[n]!;
  const ten = Math.floor(n / 10);
  // Seventy and ninety count on from sixty and eighty: soixante-dix, quatre-vingt-onze.
  const unit = ten === 7 || ten === 9 ? n % 10 + 10 : n % 10;
  if (unit === 0) return ten === 8 ? 'quatre-vingts' : TENS[ten]!;
  if (unit === 1 && ten !== 8 && ten !== 9) return `${TENS[ten]} et un`;
  if (unit === 11 && ten === 7) return 'soixante et onze';
  return `${TENS[ten]}-${underHundred(unit)}`;
}

function cardinal(n: number): string {
  if (n < 100) return underHundred(n);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 1 ? 'cent' : `${UNITS[hundreds]} cent${rest ? '' : 's'}`;
  return rest ? `${head} ${underHundred(rest)}` : head;
}

/** The last word takes the ending: a final -e goes, and the plural -s of cents and vingts; cinq and neuf change. */
function ordinalWord(word: string): string {
  if (word === 'cinq') return 'cinquième';
  if (word === 'neuf') return 'neuvième';
  const stem = word.replace(/^(cent|vingt)s$/, '$1').replace(/e$/, '');
  return `${stem}ième`;
}

export function ordinalFr(n: number, gender: 'f' | 'm' = 'f'): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`No French ordinal for ${n}`);
  const words = n === 1 ? (gender === 'f' ? 'première' : 'premier') : cardinal(n).replace(/[a-z]+$/, ordinalWord);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
