import path from 'node:path';
import { HttpApiError } from '../errors.js';
import type { SourceSpec } from '../source/source-spec.js';

export interface ConfigLocation {
  path: string;
  origin: 'explicit' | 'snapshot' | 'live' | 'iis-express' | 'solution';
}

/** Which applicationHost.config a request means; see domain.md §2 for the places. */
export function locateConfig(spec: SourceSpec, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): ConfigLocation {
  if (spec.configPath) return { path: path.resolve(spec.configPath), origin: 'explicit' };
  if (spec.snapshot) return { path: path.resolve(spec.snapshot, 'applicationHost.config'), origin: 'snapshot' };
  if (platform === 'win32') {
    const windir = env.windir ?? env.SystemRoot ?? 'C:\\Windows';
    return { path: path.win32.join(windir, 'System32', 'inetsrv', 'config', 'applicationHost.config'), origin: 'live' };
  }
  throw new HttpApiError(
    'NO_SOURCE',
    'No source for the IIS configuration: this is not Windows, so there is no live applicationHost.config. Give --snapshot DIR or --config FILE.',
    { platform },
  );
}
