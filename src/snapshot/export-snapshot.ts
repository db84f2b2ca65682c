import { cp, mkdir, readdir, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { DefaultWindowsStores, listWindowsStores } from '../certs/windows-store.js';
import { HttpApiError } from '../errors.js';
import { netshRunError, runFailed } from '../httpsys/netsh-error.js';
import { runNetsh } from '../httpsys/run-netsh.js';
import type { ResolvedSource } from '../source/resolve-source.js';

export interface SnapshotExport {
  directory: string;
  files: string[];
  notes: string[];
}

/**
 * Writes what a source holds as a snapshot folder that `--snapshot` reads back: the
 * configuration as is, `netsh http show sslcert` and `show urlacl` output as netsh printed
 * it (text: what the parsers are proven on), and the certificates. Private keys are never
 * exported, so a snapshot of a live machine says nothing about them.
 */
export async function exportSnapshot(source: ResolvedSource, directory: string, options: { signal?: AbortSignal } = {}): Promise<SnapshotExport> {
  const target = path.resolve(directory);
  await refuseNonEmpty(target);
  await mkdir(target, { recursive: true });
  const files: string[] = [];
  const notes: string[] = [];
  const place = (name: string) => {
    const file = path.join(target, name);
    files.push(file);
    return file;
  };

  await copyFile(source.config().path, place('applicationHost.config')).catch((error) => {
    throw unreadable(source.config().path, error);
  });

  const httpSys = source.httpSys();
  for (const [name, show, capture] of [
    ['sslcert.txt', 'sslcert', httpSys.kind === 'capture' ? httpSys.sslcertFile : undefined],
    ['urlacl.txt', 'urlacl', httpSys.kind === 'capture' ? httpSys.urlaclFile : undefined],
  ] as const) {
    if (httpSys.kind === 'netsh') {
      const run = await runNetsh(httpSys.path, ['http', 'show', show], { signal: options.signal });
      const failed = runFailed(run);
      if (failed) throw netshRunError(run, failed);
      await writeFile(place(name), run.stdout);
    } else if (capture) {
      await copyFile(capture, place(name)).catch((error) => {
        throw unreadable(capture, error);
      });
    } else {
      notes.push(`${name} not written: the source has no ${show} capture.`);
    }
  }

  const certificates = (() => {
    try {
      return source.certificates();
    } catch (error) {
      notes.push(`certs/ not written: ${(error as Error).message}`);
      return null;
    }
  })();
  if (certificates?.kind === 'directory') {
    await cp(certificates.path, path.join(target, 'certs'), { recursive: true }).catch((error) => {
      throw unreadable(certificates.path, error);
    });
    files.push(path.join(target, 'certs'));
  } else if (certificates?.kind === 'windows') {
    for (const row of await listWindowsStores(DefaultWindowsStores)) {
      await mkdir(path.join(target, 'certs', row.Store), { recursive: true });
      await writeFile(place(path.join('certs', row.Store, `${row.Thumbprint}.cer`)), Buffer.from(row.RawData, 'base64'));
    }
    notes.push('Certificates were exported without their private keys: the snapshot reports them as having none.');
  }
  return { directory: target, files, notes };
}

async function refuseNonEmpty(directory: string): Promise<void> {
  const entries = await readdir(directory).catch(() => []);
  if (entries.length > 0) {
    throw new HttpApiError('ALREADY_EXISTS', `${directory} is not empty; export a snapshot into a new or empty folder so nothing is overwritten.`, { directory });
  }
}

function unreadable(file: string, error: unknown): HttpApiError {
  return new HttpApiError('SOURCE_UNREADABLE', `Cannot copy ${file} into the snapshot: ${(error as Error).message}`, { file });
}
