import type { Language } from '../languages';
import type { Note, Proposed } from './text';

/**
 * The language a note is written in: Arabic, Chinese and Russian by their scripts, English, French
 * and Spanish by their commonest words (a note is long enough for those to decide).
 */
const SCRIPTS: [Language, RegExp][] = [
  ['ar', /[\u0600-\u06FF\u0750-\u077F]/g],
  ['zh', /[\u3400-\u4DBF\u4E00-\u9FFF]/g],
  ['ru', /[\u0400-\u04FF]/g],
];
const STOPWORDS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set(['the', 'of', 'and', 'to', 'has', 'its', 'in', 'for', 'with', 'on', 'this', 'that', 'is', 'be', 'by', 'which', 'honour', 'present']),
  fr: new Set(['le', 'la', 'les', 'de', 'des', 'du', 'et', 'au', 'aux', 'une', 'sur', 'par', 'pour', 'que', 'qui', 'est', 'dans', 'son', 'sa', 'ses', 'honneur']),
  // Spanish shares la, de and que with French: both count them.
  es: new Set(['el', 'la', 'de', 'los', 'las', 'del', 'y', 'en', 'que', 'por', 'con', 'su', 'sus', 'una', 'para', 'se', 'al', 'honor', 'tiene']),
};

/** The first words of the note, as the evidence of its language. */
function opening(note: Note): string {
  const first = note.paragraphs.find((p) => p.trim().length > 0) ?? '';
  const words = first.split(/\s+/).slice(0, 12).join(' ');
  return first.slice(0, first.indexOf(words) + words.length);
}

export function proposeLanguage(note: Note): Proposed<Language> | undefined {
  const text = note.paragraphs.join('\n');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return undefined;
  for (const [language, script] of SCRIPTS) {
    if ((text.match(script) ?? []).length > letters * 0.3) return { value: language, evidence: opening(note) };
  }
  const words = note.folded.join(' ').split(/[^\p{L}']+/u).flatMap((w) => w.split("'")).filter(Boolean);
  const counts = Object.fromEntries(Object.entries(STOPWORDS).map(([lang, set]) => [lang, words.filter((w) => set.has(w)).length])) as Record<'en' | 'fr' | 'es', number>;
  const ranked = (Object.keys(counts) as ('en' | 'fr' | 'es')[]).sort((a, b) => counts[b] - counts[a]);
  const [best, second] = ranked;
  if (!best || counts[best] < 3 || counts[best] < counts[second!] * 1.3) return undefined;
  return { value: best, evidence: opening(note) };
}
