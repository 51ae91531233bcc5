/**
 * Arabic ordinals in words, feminine and definite (الدورة is feminine), as session lines print them:
 * 47 → "السابعة والأربعون", 11 → "الحادية عشرة". In compounds one is الحادية, not الأولى.
 */
const FIRST_TEN = ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
const COMPOUND_UNITS = ['', 'الحادية', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة'];
const TENS = ['', '', 'العشرون', 'الثلاثون', 'الأربعون', 'الخمسون', 'الستون', 'السبعون', 'الثمانون', 'التسعون'];
const HUNDREDS = ['', 'المائة', 'المائتان', 'الثلاثمائة', 'الأربعمائة', 'الخمسمائة', 'الستمائة', 'السبعمائة', 'الثمانمائة', 'التسعمائة'];

function underHundred(n: number): string {
  if (n <= 10) return FIRST_TEN[n - 1]!;
  if (n < 20) return `${COMPOUND_UNITS[n - 10]} عشرة`;
  const unit = n % 10;
  return unit === 0 ? TENS[n / 10]! : `${COMPOUND_UNITS[unit]} و${TENS[Math.floor(n / 10)]}`;
}

export function ordinalAr(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`No Arabic ordinal for ${n}`);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return underHundred(rest);
  if (!rest) return HUNDREDS[hundreds]!;
  // "The seventh after the hundred": past a hundred the ordinal counts on from it.
  return `${rest === 1 ? 'الحادية' : underHundred(rest)} بعد ${HUNDREDS[hundreds]}`;
}
