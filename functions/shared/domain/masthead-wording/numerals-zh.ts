/** Chinese numerals, as session lines print them (第四十七届会议): 10 → 十, 110 → 一百一十, 101 → 一百零一. */
const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function underHundred(n: number, inHundreds: boolean): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  // 十 alone means ten; after a hundred, ten is counted: 一百一十.
  const head = tens === 1 && !inHundreds ? '十' : `${DIGITS[tens]}十`;
  return n % 10 ? head + DIGITS[n % 10] : head;
}

export function numeralZh(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`No Chinese numeral for ${n}`);
  if (n < 100) return underHundred(n, false);
  const rest = n % 100;
  const head = `${DIGITS[Math.floor(n / 100)]}百`;
  if (!rest) return head;
  return head + (rest < 10 ? `零${DIGITS[rest]}` : underHundred(rest, true));
}
