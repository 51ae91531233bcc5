import { describe, expect, it } from '@jest/globals';
import { relatedDocuments, touchedByPublication } from '../../functions/publish/related';
import type { DocumentRecord } from '#shared/domain/document';

const doc = (symbol: string) => ({ symbol, title: `Title of ${symbol}` }) as DocumentRecord;
const SESSION = ['A/HRC/47/10', 'A/HRC/47/10/Corr.1', 'A/HRC/47/10/Add.1', 'A/HRC/47/10/Add.1/Corr.1', 'A/HRC/47/11', 'A/HRC/47/L.1', 'A/HRC/47/L.1/Rev.1'].map(doc);

describe('documents linked to each other', () => {
  it('links a document to its corrigenda and addenda, and each of them back to it', () => {
    expect(relatedDocuments(doc('A/HRC/47/10'), SESSION).map((r) => [r.symbol, r.relation])).toEqual([
      ['A/HRC/47/10/Corr.1', 'corrigendum'], ['A/HRC/47/10/Add.1', 'addendum']]);
    expect(relatedDocuments(doc('A/HRC/47/10/Corr.1'), SESSION).map((r) => [r.symbol, r.relation])).toEqual([['A/HRC/47/10', 'corrects']]);
  });
  it('links a corrigendum of an addendum to the addendum only', () => {
    expect(relatedDocuments(doc('A/HRC/47/10/Add.1/Corr.1'), SESSION).map((r) => [r.symbol, r.relation])).toEqual([['A/HRC/47/10/Add.1', 'corrects']]);
  });
  it('links a revision of a draft both ways', () => {
    expect(relatedDocuments(doc('A/HRC/47/L.1'), SESSION).map((r) => r.relation)).toEqual(['revision']);
    expect(relatedDocuments(doc('A/HRC/47/L.1/Rev.1'), SESSION).map((r) => r.relation)).toEqual(['revises']);
  });
  it('does not link documents whose numbers merely share digits', () => {
    expect(relatedDocuments(doc('A/HRC/47/1'), SESSION)).toEqual([]);
    expect(touchedByPublication(doc('A/HRC/47/11'), SESSION)).toEqual([]);
  });
  it('rewrites a document\'s pages and its relatives\' when it has any, and none when it has none', () => {
    expect(touchedByPublication(doc('A/HRC/47/10/Corr.1'), SESSION).map((d) => d.symbol)).toEqual(['A/HRC/47/10', 'A/HRC/47/10/Corr.1']);
    expect(touchedByPublication(doc('A/HRC/47/10'), SESSION).map((d) => d.symbol)).toEqual(['A/HRC/47/10', 'A/HRC/47/10/Corr.1', 'A/HRC/47/10/Add.1']);
    expect(touchedByPublication(doc('A/HRC/47/L.1'), SESSION.filter((d) => d.symbol !== 'A/HRC/47/L.1/Rev.1'))).toEqual([]);
  });
});
