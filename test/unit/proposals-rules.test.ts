import { describe, expect, it } from '@jest/globals';
import { proposeAgendaItem } from '#shared/domain/proposals/agenda';
import { proposeAnnexes } from '#shared/domain/proposals/annexes';
import { COUNTRIES, OBSERVER_STATES, countryNamed } from '#shared/domain/proposals/countries';
import { proposeDated } from '#shared/domain/proposals/dates';
import { proposeKind } from '#shared/domain/proposals/kind';
import { proposeLanguage } from '#shared/domain/proposals/language';
import { proposeAddressee, proposeSender } from '#shared/domain/proposals/parties';
import { proposeFields } from '#shared/domain/proposals/propose';
import { proposeSession } from '#shared/domain/proposals/session';
import { fold, readNote } from '#shared/domain/proposals/text';
import { communicationTitle } from '#shared/domain/proposals/title';

const note = (...paragraphs: string[]) => readNote(paragraphs);

describe('folding', () => {
  it('keeps the length of the text, so evidence is quoted from the note itself', () => {
    for (const s of ['Genève, le 8 juin 2021', 'l’Azerbaïdjan', 'İstanbul – ß', '第四十七届会议']) expect(fold(s)).toHaveLength(s.length);
    expect(fold('République d’Azerbaïdjan – Genève')).toBe("republique d'azerbaidjan - geneve");
  });
});

describe('dates', () => {
  it.each([
    ['Geneva, 8 June 2021', '2021-06-08', 'Geneva, 8 June 2021'],
    ['Genève, le 8 juin 2021', '2021-06-08', 'Genève, le 8 juin 2021'],
    ['Genève, le 1er juin 2021', '2021-06-01', 'Genève, le 1er juin 2021'],
    ['June 8, 2021', '2021-06-08', 'June 8, 2021'],
    ['8th June 2021', '2021-06-08', '8th June 2021'],
    ['08.06.2021', '2021-06-08', '08.06.2021'],
    ['Geneva, 8/6/2021', '2021-06-08', 'Geneva, 8/6/2021'],
    ['2021-06-08', '2021-06-08', '2021-06-08'],
  ])('reads “%s” as %s', (line, iso, evidence) => {
    expect(proposeDated(note('The Permanent Mission presents its compliments.', line))).toEqual({ value: iso, evidence });
  });
  it('takes the place-and-date line, not a date inside a sentence', () => {
    const n = note('The statement of 13 May 2021 and the agreement signed on November 10, 2020 are annexed.', 'Geneva, 8 June 2021');
    expect(proposeDated(n)?.value).toBe('2021-06-08');
    expect(proposeDated(note('The statement of 13 May 2021 is annexed.'))).toBeUndefined();
  });
  it('refuses a day that does not exist', () => expect(proposeDated(note('Geneva, 31 June 2021'))).toBeUndefined());
  it('reads a place-and-date after the closing formula, in the same paragraph', () => {
    expect(proposeDated(note('… the assurances of its highest consideration. Geneva, 8 June 2021'))?.value).toBe('2021-06-08');
  });
});

describe('countries', () => {
  it('lists the 193 Member States and the two observer States, each name meaning one country', () => {
    expect(COUNTRIES).toHaveLength(195);
    expect(COUNTRIES.slice(-2).map((c) => c.title)).toEqual([...OBSERVER_STATES]);
  });
  it.each([
    ['the Republic of Azerbaijan', 'Azerbaijan'], ['République d’Azerbaïdjan', 'Azerbaijan'], ['Iran (Islamic Republic of)', 'the Islamic Republic of Iran'],
    ['the Sudan', 'the Sudan'], ['South Sudan', 'South Sudan'], ['Republic of the Congo', 'the Congo'], ['Democratic Republic of the Congo', 'the Democratic Republic of the Congo'],
    ['Fédération de Russie', 'the Russian Federation'], ['Türkiye', 'Türkiye'], ['Turkey', 'Türkiye'], ['Swiss Confederation', 'Switzerland'],
    ['la République arabe syrienne', 'the Syrian Arab Republic'], ['Viet Nam', 'Viet Nam'], ['État de Palestine', 'the State of Palestine'],
  ])('knows %s as %s', (name, title) => expect(countryNamed(name)?.title).toBe(title));
});

describe('sender', () => {
  it('names a note verbale’s mission as UN titles do, however the note styles it', () => {
    expect(proposeSender(note('The Permanent Mission of the Republic of Azerbaijan to the United Nations Office and other international organizations in Geneva presents its compliments'), 'note-verbale'))
      .toEqual({ value: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva', evidence: 'Permanent Mission of the Republic of Azerbaijan to the United Nations Office and other international organizations in Geneva' });
    expect(proposeSender(note('La Mission permanente de la Fédération de Russie auprès de l’Office des Nations Unies à Genève présente ses compliments'), 'note-verbale')?.value)
      .toBe('Permanent Mission of the Russian Federation to the United Nations Office at Geneva');
    expect(proposeSender(note('La Mission permanente du Pakistan auprès de l’Office des Nations Unies à Genève'), 'note-verbale')?.value)
      .toBe('Permanent Mission of Pakistan to the United Nations Office at Geneva');
  });
  it('names a letter’s signatory, the Permanent Representative, or a chargé d’affaires', () => {
    expect(proposeSender(note('I have the honour…', '(Signed) A. B. Permanent Representative of Tunisia to the United Nations Office at Geneva'), 'letter')?.value)
      .toBe('Permanent Representative of Tunisia to the United Nations Office at Geneva');
    expect(proposeSender(note('The Permanent Mission of the Kingdom of Spain to the United Nations Office at Geneva'), 'letter')?.value)
      .toBe('Permanent Representative of Spain to the United Nations Office at Geneva');
    expect(proposeSender(note('(Signed) C. D. Chargé d’affaires a.i. of Cuba to the United Nations Office at Geneva'), 'letter')?.value)
      .toBe('Chargé d’affaires a.i. of the Permanent Mission of Cuba to the United Nations Office at Geneva');
  });
  it('reads a mission named by its city alone, or one that does not call itself permanent', () => {
    expect(proposeSender(note('The Permanent Mission of Cuba in Geneva presents its compliments'), 'note-verbale'))
      .toEqual({ value: 'Permanent Mission of Cuba to the United Nations Office at Geneva', evidence: 'Permanent Mission of Cuba in Geneva' });
    expect(proposeSender(note('La Mission permanente de Cuba à Genève présente ses compliments'), 'note-verbale')?.value)
      .toBe('Permanent Mission of Cuba to the United Nations Office at Geneva');
    expect(proposeSender(note('The Mission of Japan to the United Nations and other international organizations in Geneva presents its compliments'), 'note-verbale'))
      .toEqual({ value: 'Permanent Mission of Japan to the United Nations Office at Geneva', evidence: 'Mission of Japan to the United Nations and other international organizations in Geneva' });
    expect(proposeSender(note('(Signed) E. F. Permanent Representative of Cuba in Geneva'), 'letter')?.value)
      .toBe('Permanent Representative of Cuba to the United Nations Office at Geneva');
  });
  it('does not take another mission “of” something for a State’s', () => {
    expect(proposeSender(note('The fact-finding mission of the Human Rights Council to the United Nations Office at Geneva reported.'), 'note-verbale')).toBeUndefined();
  });
  it('says nothing of a letter signed “Permanent Representative” without a country', () => {
    expect(proposeSender(note('I have the honour to transmit herewith a letter (see annex).', '(Signed) Juan Pérez', 'Ambassador', 'Permanent Representative'), 'letter')).toBeUndefined();
  });
  it('keeps the note’s own words for a country the table does not know', () => {
    expect(proposeSender(note('The Permanent Mission of Ruritania to the United Nations Office at Geneva'), 'note-verbale')?.value)
      .toBe('Permanent Mission of Ruritania to the United Nations Office at Geneva');
  });
  it('says nothing when no mission is named', () => expect(proposeSender(note('We write to you.'), 'letter')).toBeUndefined());
});

describe('addressee', () => {
  it.each([
    ['presents its compliments to the Office of the United Nations High Commissioner for Human Rights', 'Office of the United Nations High Commissioner for Human Rights'],
    ['prie le Haut-Commissariat des Nations Unies aux droits de l’homme de bien vouloir', 'Office of the United Nations High Commissioner for Human Rights'],
    ['presents its compliments to the secretariat of the Human Rights Council', 'secretariat of the Human Rights Council'],
    ['addressed to the President of the Human Rights Council', 'President of the Human Rights Council'],
    ['Mr. President, I have the honour', 'President of the Human Rights Council'],
    ['presents its compliments to the secretariat of the fifty-ninth session of the Commission on Human Rights', 'secretariat of the Commission on Human Rights'],
  ])('reads “%s”', (text, value) => expect(proposeAddressee(note(text))?.value).toBe(value));
  it('reads a request to convene a special session as addressed to the President, though it says “you”', () => {
    expect(proposeAddressee(note('I have the honour to request herewith that you convene immediately a special session of the Human Rights Council to consider the situation.')))
      .toEqual({ value: 'President of the Human Rights Council', evidence: 'special session of the Human Rights Council' });
    expect(proposeAddressee(note('Nous avons l’honneur de demander la tenue d’une session extraordinaire du Conseil des droits de l’homme.'))?.value)
      .toBe('President of the Human Rights Council');
    expect(proposeAddressee(note('At its fifth special session of the Human Rights Council the Council adopted a resolution.'))).toBeUndefined();
  });
  it('does not take a body named in passing for the addressee', () => {
    expect(proposeAddressee(note('based upon discussions with the Office of the High Commissioner for Human Rights'))).toBeUndefined();
  });
});

describe('session and agenda item', () => {
  it.each([
    ['as a document of the forty-seventh session of the Human Rights Council', 47],
    ['at its 47th session', 47],
    ['en tant que document de la quarante-septième session du Conseil des droits de l’homme', 47],
    ['de la vingt et unième session du Conseil', 21],
    ['of the fifty-first session of the Human Rights Council', 51],
  ])('reads “%s” as session %i', (text, n) => expect(proposeSession(note(text))?.value).toBe(n));
  it('does not take another body’s session, or a special session', () => {
    expect(proposeSession(note('the seventy-fifth session of the General Assembly'))).toBeUndefined();
    expect(proposeSession(note('to convene a special session of the Human Rights Council'))).toBeUndefined();
  });
  it('prefers the session the note is to be circulated at', () => {
    expect(proposeSession(note('At its forty-sixth session the Council adopted resolution 46/1.', 'to circulate this note as a document of the forty-seventh session of the Human Rights Council'))?.value).toBe(47);
  });
  it.each([
    ['under agenda item 4', 4], ['under item 7 of the agenda', 7], ['au titre du point 4 de l’ordre du jour', 4], ['agenda item 3', 3],
  ])('reads “%s” as item %i', (text, n) => expect(proposeAgendaItem(note(text))?.value).toBe(n));
  it('refuses an item the Council’s agenda does not have', () => expect(proposeAgendaItem(note('under agenda item 14'))).toBeUndefined());
});

describe('kind, language and annexes', () => {
  it.each<[string, string, string]>([
    ['The Permanent Mission … presents its compliments to … and has the honour to request that the present note verbale be circulated', 'note-verbale', 'the present note verbale'],
    ['La Mission permanente prie … de faire distribuer la présente note verbale', 'note-verbale', 'la présente note verbale'],
    ['I have the honour to request that the present letter be circulated. (Signed) X', 'letter', 'the present letter'],
    ['J’ai l’honneur de vous écrire', 'letter', 'J’ai l’honneur'],
  ])('reads “%s” as a %s', (text, kind, evidence) => expect(proposeKind(note(text))).toEqual({ value: kind, evidence }));
  it('says nothing when nothing tells', () => expect(proposeKind(note('Information on the situation.'))).toBeUndefined());
  it.each([
    ['The Permanent Mission of Azerbaijan has the honour to transmit herewith the information of the Ministry', 'en'],
    ['La Mission permanente de la France a l’honneur de transmettre les informations du Ministère', 'fr'],
    ['La Misión Permanente de España tiene el honor de transmitir la información del Ministerio', 'es'],
    ['Постоянное представительство Российской Федерации свидетельствует свое уважение', 'ru'],
    ['تهدي البعثة الدائمة تحياتها إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان', 'ar'],
    ['中华人民共和国常驻联合国日内瓦办事处代表团向联合国人权事务高级专员办事处致意', 'zh'],
  ])('reads the language of “%s” as %s', (text, lang) => expect(proposeLanguage(note(text))?.value).toBe(lang));
  it.each([
    ['(see annex)', 1], ['the present note verbale and its annex', 1], ['and its two annexes', 2], ['et ses deux annexes', 2],
    ['annexes I, II and III', 3], ['voir l’annexe', 1],
  ])('counts “%s” as %i annex(es)', (text, n) => expect(proposeAnnexes(note(text))?.value).toBe(n));
  it('does not guess a number from “annexes” alone', () => expect(proposeAnnexes(note('the note and its annexes'))).toBeUndefined());
});

describe('the title', () => {
  it('follows the UN’s convention for notes verbales and letters, with the date as mastheads print it', () => {
    expect(communicationTitle({ kind: 'letter', dated: '2021-06-08', sender: 'Permanent Representative of X to the United Nations Office at Geneva', addressee: 'President of the Human Rights Council' }))
      .toBe('Letter dated 8 June 2021 from the Permanent Representative of X to the United Nations Office at Geneva addressed to the President of the Human Rights Council');
  });
  it('is proposed only when kind, date, sender and addressee all are', () => {
    expect(proposeFields(['The Permanent Mission of Chile to the United Nations Office at Geneva presents its compliments to the Office of the United Nations High Commissioner for Human Rights.']).title).toBeUndefined();
  });
});
