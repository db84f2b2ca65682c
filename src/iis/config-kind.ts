import type { ConfigKind } from './iis-config.js';

/**
 * Tells full IIS from IIS Express by content (docs/domain.md §2), since a snapshot's path says
 * nothing. The global modules decide when present: IIS Express loads them from %IIS_BIN%,
 * IIS from %windir%\System32\inetsrv. Without modules, the sites' paths are the clue.
 * Hostable Web Core files load the same inetsrv modules as IIS and carry nothing of their
 * own (the corpus's three look like full IIS files or like hand-written ones), so they read
 * as 'iis' or 'unknown' rather than as a guess.
 */
export function detectConfigKind(globalModules: string, sitesSection: () => string): { kind: ConfigKind; evidence: string } {
  const modules = globalModules.replace(/<!--[\s\S]*?-->/g, '');
  const express = count(modules, /image\s*=\s*["']%IIS_BIN%/gi);
  const iis = count(modules, /image\s*=\s*["']%windir%\\system32\\inetsrv\\/gi);
  if (express > iis) return { kind: 'iisexpress', evidence: `${express} global modules load from %IIS_BIN% (IIS Express)` };
  if (iis > express) return { kind: 'iis', evidence: `${iis} global modules load from %windir%\\System32\\inetsrv (IIS)` };
  const sites = sitesSection();
  const userHome = /%IIS_(?:USER|SITES)_HOME%/i.exec(sites)?.[0];
  if (userHome) return { kind: 'iisexpress', evidence: `no global modules; the sites use ${userHome} (IIS Express)` };
  if (/\\inetpub\\/i.test(sites)) return { kind: 'iis', evidence: 'no global modules; the sites use \\inetpub\\ paths (IIS)' };
  return { kind: 'unknown', evidence: 'no global modules and no telling paths' };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
