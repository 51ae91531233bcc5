import { BadRequest } from './errors';

/** A declared file larger than the limit is refused before anything is written, the file named. */
export function refuseOversized(files: readonly { name: string; size: number }[], maxFileSize: number): void {
  files.forEach((f, i) => {
    if (f.size > maxFileSize) {
      throw new BadRequest(`files[${i}].size: ${f.name} is ${f.size} bytes; the limit is ${maxFileSize} bytes`, [{ path: `files[${i}].size`, message: `must be at most ${maxFileSize} bytes` }]);
    }
  });
}
