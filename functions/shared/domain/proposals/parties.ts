import { countryNamed } from './countries';
import { findAll, type Found, type Note, type Proposed } from './text';

/**
 * Who sent the note and to whom, as UN titles name them: "Permanent Mission of Azerbaijan to the
 * United Nations Office at Geneva" however the note styles its mission ("The Permanent Mission of
 * the Republic of Azerbaijan to the United Nations Office and other international organizations in
 * Geneva", "La Mission permanente de la République d'Azerbaïdjan auprès de l'Office des Nations
 * Unies à Genève"); a letter is from the "Permanent Representative of …" (or a chargé d'affaires).
 */
export type Kind = 'note-verbale' | 'letter';

export const GENEVA = 'to the United Nations Office at Geneva';
const NEW_YORK = 'to the United Nations';

const NAME = "([\\p{L}'(),.\\- ]{3,90}?)";
/**
 * Where a mission is accredited, after its country: "to the United Nations Office at Geneva", "auprès
 * de l'Office des Nations Unies à Genève", or the city alone ("the Permanent Mission of Cuba in
 * Geneva", "la Mission permanente de Cuba à Genève").
 */
const STATION_EN = "(?:(?:to|in|at) (?:the )?(?:united nations|un\\b)[^.;]{0,90}|(?:in|at) geneva\\b)";
const STATION_FR = "(?:aupres (?:de l'office des nations unies|des nations unies|de l'organisation des nations unies|de l'onu)[^.;]{0,90}|a geneve\\b)";
const ARTICLE_FR = "(?:de la |de l'|du |des |d'|de )";

const MISSION = [
  new RegExp(`\\bpermanent (?:observer )?mission of ${NAME} ${STATION_EN}`, 'u'),
  new RegExp(`\\bmission permanente (?:d'observation )?${ARTICLE_FR}${NAME} ${STATION_FR}`, 'u'),
];
/**
 * A mission that does not call itself permanent ("The Mission of Japan to the United Nations and
 * other international organizations in Geneva"): taken only for a country the table knows, since
 * "mission of" also begins a fact-finding mission's or a rapporteur's.
 */
const BARE_MISSION = [
  new RegExp(`\\b(?<!permanent (?:observer )?)mission of ${NAME} ${STATION_EN}`, 'u'),
  new RegExp(`\\bmission ${ARTICLE_FR}${NAME} ${STATION_FR}`, 'u'),
];
const REPRESENTATIVE = [
  new RegExp(`\\b(?:permanent representative|permanent observer|charge d'affaires(?: a\\.? ?i\\.?)?(?:,? of the permanent mission)?) (?:of|for) ${NAME} ${STATION_EN}`, 'u'),
  new RegExp(`\\b(?:representante? permanente?|observateur permanent|charge d'affaires(?: par interim| a\\.? ?i\\.?)?(?: de la mission permanente)?) ${ARTICLE_FR}${NAME} ${STATION_FR}`, 'u'),
];

/** The station a mission's words name: Geneva unless they name the United Nations alone, in New York. */
function station(found: Found): string {
  const words = found.evidence.toLowerCase();
  if (/geneva|geneve|genève|office|unog|onug/.test(words)) return GENEVA;
  if (/new york/.test(words)) return NEW_YORK;
  return GENEVA;
}

/** The country's title form, or the note's own words for a country the table does not know. */
function countryTitle(found: Found): string {
  const written = found.groups[0]!.trim();
  return countryNamed(written)?.title ?? written;
}

/** The evidence ends where the station does: at Geneva / Genève when named, else the sentence's pause. */
function trimmed(found: Found): Found {
  const m = /^(.*?\b(?:Geneva|Genève|Genf|New York))\b/su.exec(found.evidence);
  const evidence = (m ? m[1]! : found.evidence.replace(/[\s,]+(?:and|et|has|a|presents|présente|kindly|requests|prie)\b.*$/su, '')).trim();
  return { ...found, evidence };
}

function chargeOrRepresentative(evidence: string): 'representative' | 'charge' | 'observer' {
  if (/charg[ée] d[’']affaires/i.test(evidence)) return 'charge';
  return /observ/i.test(evidence) ? 'observer' : 'representative';
}

export function proposeSender(note: Note, kind: Kind | undefined): Proposed<string> | undefined {
  const missions = [
    ...MISSION.flatMap((p) => findAll(note, p)),
    ...BARE_MISSION.flatMap((p) => findAll(note, p)).filter((f) => countryNamed(f.groups[0]!.trim()) !== undefined),
  ].map(trimmed).sort(byPosition);
  const representatives = REPRESENTATIVE.flatMap((p) => findAll(note, p)).map(trimmed).sort(byPosition);
  if (kind === 'letter') {
    // A letter is signed at its end: the last representative named is its signatory.
    const signed = representatives.at(-1);
    if (signed) {
      const country = countryTitle(signed);
      const role = chargeOrRepresentative(signed.evidence);
      const value = role === 'charge'
        ? `Chargé d’affaires a.i. of the Permanent Mission of ${country} ${station(signed)}`
        : role === 'observer'
          ? `Permanent Observer ${/\bfor\b/i.test(signed.evidence) ? 'for' : 'of'} ${country} ${station(signed)}`
          : `Permanent Representative of ${country} ${station(signed)}`;
      return { value, evidence: signed.evidence };
    }
    const mission = missions[0];
    if (mission) return { value: `Permanent Representative of ${countryTitle(mission)} ${station(mission)}`, evidence: mission.evidence };
    return undefined;
  }
  const mission = missions[0];
  if (mission) return { value: `Permanent Mission of ${countryTitle(mission)} ${station(mission)}`, evidence: mission.evidence };
  return undefined;
}

function byPosition(a: Found, b: Found): number {
  return a.paragraph - b.paragraph || a.index - b.index;
}

/** The bodies a communication may be addressed through, as titles name them. */
const BODIES: { name: string; pattern: string }[] = [
  { name: 'Human Rights Council', pattern: "(?:united nations )?human rights council|conseil des droits de l'homme" },
  { name: 'Commission on Human Rights', pattern: "commission on human rights|commission des droits de l'homme" },
];
const ROLES: { role: string; pattern: string }[] = [
  { role: 'President', pattern: 'president|presidente?' },
  { role: 'Chairperson', pattern: 'chairperson' },
  { role: 'Chairman', pattern: 'chairman' },
  { role: 'secretariat', pattern: 'secretariat' },
];
/** "the secretariat of the fifty-ninth session of the Commission on Human Rights": a session between role and body. */
const SESSION_OF = "(?:[\\p{L}-]+ (?:regular |special )?session (?:of |de )?(?:the |la |l')?)?";

/** Addressees as UN titles name them, each with the words that name it in English and French. */
const ADDRESSEES: { value: string; pattern: RegExp; salutation?: boolean; convening?: boolean }[] = [
  { value: 'Office of the United Nations High Commissioner for Human Rights', pattern: /\b(?:office of the (?:united nations )?high commissioner for human rights|ohchr|haut-commissariat (?:des nations unies )?aux droits de l'homme|hcdh)\b/ },
  ...ROLES.flatMap(({ role, pattern }) => BODIES.map((body) => ({
    value: `${role} of the ${body.name}`,
    pattern: new RegExp(`\\b(?:${pattern}) (?:of the |du |de la |de l')${SESSION_OF}(?:${body.pattern})\\b`, 'u'),
  }))),
  { value: 'President of the Human Rights Council', pattern: /\b(?:(?:mr|madam|madame)\.? president|monsieur le president|madame la presidente)\b/, salutation: true },
  // Only the President convenes the Council: a request that "you convene a special session of the
  // Human Rights Council" is addressed to the President, though the letter says only "you".
  { value: 'President of the Human Rights Council', pattern: /\b(?:special session of the (?:united nations )?human rights council|session extraordinaire du conseil des droits de l'homme)\b/, convening: true },
  { value: 'United Nations High Commissioner for Human Rights', pattern: /\b(?:(?:united nations )?high commissioner for human rights|haut-commissaire (?:des nations unies )?aux droits de l'homme)\b/ },
  { value: 'Secretary-General', pattern: /\b(?:secretary-general|secretaire general)\b/ },
];
/**
 * Words that make a mention the note's addressee: "presents its compliments to …", "requests … to
 * circulate", "prie …", "addressed to …". A body or office named in passing ("based upon discussions
 * with the Office of the High Commissioner") is not the addressee: without such words, nothing is proposed.
 */
const ADDRESSING = /(?:compliments to|compliments au|compliments a|requests|request|prie|demande a|demande au|addressed to|adressee? a|adressee? au|dear|excellency,?)\s+(?:the\s+|le\s+|la\s+|l')?$/;
/** The words before "a special session of the Human Rights Council" that ask the addressee to convene it. */
const CONVENING = /(?:you (?:to )?convene|convening of|holding of|to convene|de convoquer|la convocation d'|la tenue d')\s*(?:immediately |urgently |d'urgence )?(?:a |une )?$/;

export function proposeAddressee(note: Note): Proposed<string> | undefined {
  const mentions = ADDRESSEES.flatMap((a, rank) => findAll(note, a.pattern).map((found) => ({ ...a, rank, found })))
    // "Office of the High Commissioner" also contains "High Commissioner for Human Rights": the longer mention wins.
    .filter((m, _, all) => !all.some((o) => o !== m && o.found.paragraph === m.found.paragraph
      && o.found.index <= m.found.index && o.found.index + o.found.evidence.length >= m.found.index + m.found.evidence.length
      && o.found.evidence.length > m.found.evidence.length))
    .sort((a, b) => byPosition(a.found, b.found));
  const before = (m: (typeof mentions)[number]) => note.folded[m.found.paragraph]!.slice(Math.max(0, m.found.index - 40), m.found.index);
  const chosen = mentions.find((m) => m.salutation || (m.convening ? CONVENING.test(before(m)) : ADDRESSING.test(before(m))));
  return chosen ? { value: chosen.value, evidence: chosen.found.evidence } : undefined;
}
