import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { HttpApiError } from '../../src/errors.js';
import { readApplicationHostConfig, type IisConfig } from '../../src/iis/read-application-host-config.js';

/** Hand-written inputs for the cases the corpus lacks, each in a file of its own. */
const folder = mkdtempSync(path.join(tmpdir(), 'httpapi-iis-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let count = 0;

export function writeConfig(content: string | Buffer): string {
  const file = path.join(folder, `case-${++count}.config`);
  writeFileSync(file, content);
  return file;
}

export function readConfig(content: string | Buffer): Promise<IisConfig> {
  return readApplicationHostConfig({ path: writeConfig(content), origin: 'explicit' });
}

/** The error a read fails with; the test fails if the read succeeds. */
export async function readFailure(content: string | Buffer): Promise<HttpApiError> {
  const file = writeConfig(content);
  try {
    await readApplicationHostConfig({ path: file, origin: 'explicit' });
  } catch (error) {
    if (error instanceof HttpApiError) return error;
    throw error;
  }
  throw new Error(`${file} was read without error`);
}

/** A whole applicationHost.config around the given <sites> content. */
export function withSites(sites: string, before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n${before}  <system.applicationHost>\n    <sites>\n${sites}\n    </sites>\n  </system.applicationHost>\n</configuration>\n`;
}
