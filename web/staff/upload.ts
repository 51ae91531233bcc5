import type { Upload } from '#shared/api/responses';
import { formatSize } from './file-rows';
import { byId } from '../dom';

/**
 * One file to its presigned URL. XMLHttpRequest rather than fetch: fetch reports no upload progress.
 * The browser sets Content-Length from the file, which the URL is signed for.
 */
export function putFile(upload: Upload, file: File, onProgress: (loaded: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded));
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size);
        resolve();
      } else {
        const expired = xhr.status === 403 && /expired/i.test(xhr.responseText);
        reject(new Error(expired
          ? `${file.name}: the upload link has expired; register the submission again`
          : `${file.name}: the upload was refused (HTTP ${xhr.status})`));
      }
    });
    xhr.addEventListener('error', () => reject(new Error(`${file.name}: the upload could not be sent (network error)`)));
    xhr.addEventListener('abort', () => reject(new Error(`${file.name}: the upload was cancelled`)));
    xhr.send(file);
  });
}

/**
 * Every file of a submission to its upload, drawn in the upload panel `prefix` (index.html's upload-panel template):
 * a bar per file, one for all, and a retry of the files that failed.
 */
export async function uploadAll(prefix: string, uploads: readonly Upload[], files: ReadonlyMap<string, File>, announce: (text: string) => void) {
  const section = byId(prefix);
  const list = byId(`${prefix}-files`);
  const overall = byId<HTMLProgressElement>(`${prefix}-overall`);
  const overallText = byId(`${prefix}-overall-text`);
  const error = byId(`${prefix}-error`);
  const retry = byId<HTMLButtonElement>(`${prefix}-retry`);
  const total = [...files.values()].reduce((sum, f) => sum + f.size, 0);
  const loaded = new Map<string, number>();
  const done = new Set<string>();

  list.replaceChildren();
  const bars = new Map(uploads.map((u, i) => {
    const li = document.createElement('li');
    li.className = 'progress-row';
    const label = document.createElement('label');
    label.htmlFor = `${prefix}-${i}`;
    label.textContent = `${u.name} (${formatSize(files.get(u.name)?.size ?? 0)})`;
    const bar = document.createElement('progress');
    bar.id = `${prefix}-${i}`;
    bar.max = files.get(u.name)?.size || 1;
    bar.value = 0;
    const text = document.createElement('span');
    text.className = 'progress-text';
    text.setAttribute('aria-hidden', 'true');
    text.textContent = '0%';
    li.append(label, bar, text);
    list.append(li);
    return [u.name, { bar, text }] as const;
  }));
  const percent = (part: number, whole: number) => `${whole ? Math.floor((100 * part) / whole) : 100}%`;
  const update = () => {
    const sum = [...loaded.values()].reduce((a, b) => a + b, 0);
    overall.max = total || 1;
    overall.value = total ? sum : done.size === uploads.length ? 1 : 0;
    overallText.textContent = percent(sum, total);
  };

  section.hidden = false;
  byId(`${prefix}-title`).focus();
  announce(`Submission registered; uploading ${uploads.length} file${uploads.length === 1 ? '' : 's'}`);

  async function run() {
    error.replaceChildren();
    retry.hidden = true;
    const results = await Promise.allSettled(uploads.filter((u) => !done.has(u.name)).map(async (u) => {
      const file = files.get(u.name);
      if (!file) throw new Error(`${u.name}: the file is no longer on this page; register the submission again`);
      const view = bars.get(u.name)!;
      await putFile(u, file, (bytes) => {
        loaded.set(u.name, bytes);
        view.bar.value = bytes;
        view.text.textContent = percent(bytes, file.size);
        update();
      });
      done.add(u.name);
    }));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
    if (failures.length) {
      error.textContent = failures.join(' ');
      retry.hidden = false;
      announce(`Upload failed: ${failures.join(' ')}`);
    } else {
      announce('All files uploaded');
    }
  }
  retry.onclick = () => void run();
  await run();
}

