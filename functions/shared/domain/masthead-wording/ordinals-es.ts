/**
 * Spanish ordinals as UN Spanish prints session lines: words from first to tenth ("Séptimo"), then
 * the numeral with º ("47º"), or with "er" where the word is shortened before a masculine noun
 * (primer, tercer: "51er", "43er"). The numbers seen: 7, 47, 51.
 */
const WORDS = ['Primer', 'Segundo', 'Tercer', 'Cuarto', 'Quinto', 'Sexto', 'Séptimo', 'Octavo', 'Noveno', 'Décimo'];

export function ordinalEs(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`No Spanish ordinal for ${n}`);
  if (n <= 10) return WORDS[n - 1]!;
  // Undécimo (11, 111…) is not shortened; decimotercer (13) is.
  const shortened = (n % 10 === 1 && n % 100 !== 11) || n % 10 === 3;
  return `${n}${shortened ? 'er' : 'º'}`;
}
