import type { Upload } from '#shared/api/responses';

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
