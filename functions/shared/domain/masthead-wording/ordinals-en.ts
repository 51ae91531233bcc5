/** English ordinals in words, as mastheads print them: 47 → "Forty-seventh". */
const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const IRREGULAR: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

function cardinal(n: number): string {
  if (n < 20) return UNITS[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${UNITS[n % 10]}` : '');
  if (n < 1000) {
    const rest = n % 100;
    return `${UNITS[Math.floor(n / 100)]} hundred${rest ? ` and ${cardinal(rest)}` : ''}`;
  }
  const rest = n % 1000;
  const sep = rest === 0 ? '' : rest < 100 ? ' and ' : ' ';
  return `${cardinal(Math.floor(n / 1000))} thousand${rest ? sep + cardinal(rest) : ''}`;
}

function ordinalWord(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (word.endsWith('y')) return `${word.slice(0, -1)}ieth`;
  return `${word}th`;
}

export function ordinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new RangeError(`No ordinal for ${n}`);
  const words = cardinal(n);
  // Only the last word takes the ordinal form: "one hundred and twenty-first".
  const match = /^(.*?)([a-z]+)$/.exec(words)!;
  const ord = match[1]! + ordinalWord(match[2]!);
  return ord.charAt(0).toUpperCase() + ord.slice(1);
}
