import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { publish } from '../functions/publish/publish';
import { renderLists } from '../functions/render-lists/render-lists';
import type { DocumentRecord } from '#shared/domain/document';
import { dynamodb, s3 } from '#shared/adapters/clients';
import { ENV, required } from '#shared/adapters/config';
import { createDerived } from '#shared/adapters/texts';
import { createFiles, verifiedKey } from '#shared/adapters/files';
import { createStore, type Store } from '#shared/adapters/store';
import { doc, taggedSubmission } from '../test/unit/publish-fixtures';

/**
 * The cost of publishing one document as the site grows, on the embedded stack: Publish's and
 * RenderLists' logic, one after the other as the workflow runs them, with the store and the site bucket the handlers use. The site is seeded straight through the
 * store (document records, session and site items; no pages), in sessions of at most
 * `perSession` documents; each size is measured by publishing into a session of its own that
 * holds `target` documents, so that only the size of the rest of the site changes between sizes.
 */
export interface PublishFigures {
  siteSize: number;
  sessions: number;
  seedSeconds: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  objectsPerPublication: number;
  itemsPerPublication: number;
}

const TITLE = 'Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights';
const SEED_CLIENTS = 16;
const WARM_UP = 3;

const bytesOf = (size: number) => 'x'.repeat(size);
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

async function inParallel<T>(items: readonly T[], clients: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/** A session of `count` published documents, published long before the measured ones. */
async function seedSession(store: Store, session: number, count: number, agendaItems = [1, 2, 3, 4, 5, 6]): Promise<void> {
  const documents: DocumentRecord[] = Array.from({ length: count }, (_, i) => doc(i + 1, {
    session, agendaItem: agendaItems[i % agendaItems.length]!, title: `${TITLE} (${i + 1})`,
    publishedAt: new Date(Date.UTC(2020, 0, 1) + session * 86_400_000 + i * 1000).toISOString(),
  }));
  await inParallel(documents, SEED_CLIENTS, (d) => store.putDocument(d));
  await store.addToLatest(documents);
  const { documents: total } = await store.addToSession('HRC', session, documents.map((d) => d.symbol));
  await store.addToSite('HRC', session, total);
}

export async function benchPublish(opts: { sizes: number[]; perSession: number; target: number; publications: number }): Promise<PublishFigures[]> {
  let items = 0;
  let objects = 0;
  const store = createStore(dynamodb, required(ENV.table), { afterWrite: () => void items++ });
  const s3Files = createFiles(s3, { intake: required(ENV.intakeBucket), site: required(ENV.siteBucket) });
  const files = {
    publishFile: async (...a: Parameters<typeof s3Files.publishFile>) => { await s3Files.publishFile(...a); objects++; },
    putPage: async (...a: Parameters<typeof s3Files.putPage>) => { await s3Files.putPage(...a); objects++; },
  };
  const siteUrl = 'https://docs.example.org';
  const derived = createDerived(s3, { intake: required(ENV.intakeBucket), site: required(ENV.siteBucket) });

  let session = 0;
  let siteSize = 0;
  const figures: PublishFigures[] = [];
  for (const size of opts.sizes) {
    const started = performance.now();
    let filler = size - siteSize - opts.target;
    if (filler < 0) throw new RangeError(`Sizes must grow by at least ${opts.target} plus the publications measured`);
    while (filler > 0) {
      const count = Math.min(opts.perSession, filler);
      await seedSession(store, ++session, count);
      filler -= count;
      siteSize += count;
    }
    const target = ++session;
    await seedSession(store, target, opts.target);
    siteSize += opts.target;
    const seedSeconds = (performance.now() - started) / 1000;

    const times: number[] = [];
    const perPublication: { objects: number; items: number }[] = [];
    // The first few warm up the code path and are not counted.
    for (let i = 0; i < WARM_UP + opts.publications; i++) {
      const tagged = taggedSubmission(target, opts.target + i + 1, { agendaItem: 1 + (i % 6), title: `${TITLE} (measured ${i + 1})` });
      // Publish reads only receive's verified copies: the bench writes them itself, with bytes that
      // hash to what is declared, and no upload under submissions/, so receive does not run during the measure.
      const record = { ...tagged, submission: { ...tagged.submission, files: tagged.submission.files.map((f) => ({ ...f, sha256: sha256Hex(bytesOf(f.size)) })) } };
      await store.createSubmission(record);
      for (const f of record.submission.files) {
        await s3.send(new PutObjectCommand({ Bucket: required(ENV.intakeBucket), Key: verifiedKey(f), Body: bytesOf(f.size), ContentType: f.contentType }));
      }
      items = 0;
      objects = 0;
      const t0 = performance.now();
      await renderLists(await publish(record.id, { store, files, derived, siteUrl }), { store, files, derived, siteUrl });
      const ms = performance.now() - t0;
      if (i >= WARM_UP) {
        times.push(ms);
        perPublication.push({ objects, items });
      }
    }
    times.sort((a, b) => a - b);
    const sizeBefore = siteSize;
    siteSize += WARM_UP + opts.publications;
    figures.push({
      siteSize: sizeBefore, sessions: session, seedSeconds,
      medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, maxMs: times.at(-1)!,
      objectsPerPublication: perPublication.reduce((n, p) => n + p.objects, 0) / perPublication.length,
      itemsPerPublication: perPublication.reduce((n, p) => n + p.items, 0) / perPublication.length,
    });
  }
  return figures;
}
