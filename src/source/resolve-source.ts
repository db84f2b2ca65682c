import { existsSync } from 'node:fs';
import path from 'node:path';
import { HttpApiError } from '../errors.js';
import type { SourceSpec } from './source-spec.js';
import { locateConfig, type ConfigLocation } from './locate-config.js';
import { currentPlatformFacts, type PlatformFacts } from '../process/platform-facts.js';
import { systemExecutable } from '../process/system-executable.js';

export type HttpSysSource =
  | { kind: 'netsh'; path: string; origin: 'explicit' | 'live' }
  /** Captured output; a method that needs a file the capture lacks fails with NO_SOURCE. */
  | { kind: 'capture'; sslcertFile?: string; urlaclFile?: string };

export type CertificateSource =
  | { kind: 'directory'; path: string }
  | { kind: 'windows' };

/**
 * Where the Central Certificate Store is described: a folder (a snapshot's ccs/ or ccsDir)
 * holding the pfx files and provider.json, or, live, IIS's provider settings in the registry
 * (src/source/ccs-provider-settings.ts), which name the folder.
 */
export type CcsSource = { kind: 'directory'; path: string } | { kind: 'registry' };

/** The three halves of the state, each already decided, so that handlers never guess. */
export interface ResolvedSource {
  spec: SourceSpec;
  platform: NodeJS.Platform;
  config(): ConfigLocation;
  httpSys(): HttpSysSource;
  certificates(): CertificateSource;
  /** null: no source says anything about CCS (a snapshot without ccs/, off Windows), so its checks are skipped. */
  ccs(): CcsSource | null;
}

export function resolveSource(spec: SourceSpec, facts: PlatformFacts = currentPlatformFacts()): ResolvedSource {
  const { platform } = facts;
  const live = platform === 'win32';
  const snapshotFile = (name: string) => (spec.snapshot ? path.resolve(spec.snapshot, name) : undefined);
  return {
    spec,
    platform,
    config: () => locateConfig(spec, facts),
    httpSys: () => {
      if (spec.netshPath) return { kind: 'netsh', path: spec.netshPath, origin: 'explicit' };
      const sslcertFile = spec.sslcertFile ?? snapshotFile('sslcert.txt');
      const urlaclFile = spec.urlaclFile ?? snapshotFile('urlacl.txt');
      if (sslcertFile || urlaclFile) {
        return { kind: 'capture', sslcertFile, urlaclFile };
      }
      if (live) return { kind: 'netsh', path: systemExecutable('netsh.exe', facts), origin: 'live' };
      throw noSource('the http.sys side (SSL certificate mappings and URL reservations)', '--snapshot DIR, --netsh PATH, --sslcert-file FILE or --urlacl-file FILE');
    },
    certificates: () => {
      const dir = spec.certsDir ?? snapshotFile('certs');
      if (dir) return { kind: 'directory', path: dir };
      if (live) return { kind: 'windows' };
      throw noSource('certificates', '--snapshot DIR or --certs-dir DIR');
    },
    ccs: () => {
      // A snapshot without ccs/ says nothing about CCS (most servers have none); a folder given as ccsDir must be read.
      const inSnapshot = snapshotFile('ccs');
      const dir = spec.ccsDir ?? (inSnapshot && existsSync(inSnapshot) ? inSnapshot : undefined);
      if (dir) return { kind: 'directory', path: dir };
      return live ? { kind: 'registry' } : null;
    },
  };
}

export function noSource(what: string, options: string): HttpApiError {
  return new HttpApiError(
    'NO_SOURCE',
    `No source for ${what}: this is not Windows, so there is no live machine to read. Give ${options}.`,
    { platform: process.platform },
  );
}
