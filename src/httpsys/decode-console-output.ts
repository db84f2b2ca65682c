import iconv from 'iconv-lite';
import { currentPlatformFacts, type PlatformFacts } from '../process/platform-facts.js';
import { runProcess } from '../process/run-process.js';
import { systemExecutable } from '../process/system-executable.js';

/**
 * Decodes console output bytes written in the given code page (docs/domain.md §7: netsh writes the
 * console's OEM code page, 850/437/936..., when its output is a pipe). null or 65001 is UTF-8.
 */
export function decodeConsoleOutput(bytes: Uint8Array, codePage: number | null): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (codePage === null || codePage === 65001) return buffer.toString('utf8');
  if (codePage === 1200) return buffer.toString('utf16le');
  const name = `cp${codePage}`;
  return iconv.encodingExists(name) ? iconv.decode(buffer, name) : buffer.toString('latin1');
}

export interface DecodedFile {
  text: string;
  /** How the bytes were read, for the notes of a result. */
  encoding: string;
}

/**
 * Decodes a captured file whose producer we do not know: a BOM decides (PowerShell 5's `>`
 * writes UTF-16LE with a BOM); otherwise UTF-8 when the bytes are valid UTF-8, else code page
 * 850 (the usual OEM code page of Western European consoles, where `cmd /c netsh ... > file`
 * leaves its bytes as they were).
 */
export function decodeCaptureFile(bytes: Uint8Array): DecodedFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.subarray(3).toString('utf8'), encoding: 'UTF-8 with BOM' };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.subarray(2).toString('utf16le'), encoding: 'UTF-16LE with BOM' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf16be'), encoding: 'UTF-16BE with BOM' };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(buffer), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(buffer, 'cp850'), encoding: 'code page 850 (not valid UTF-8, no BOM)' };
  }
}

/** The number `chcp` prints last (`Active code page: 850`, localized: `活动代码页: 936`). */
export function parseChcpOutput(text: string): number | null {
  const match = /(\d+)\D*$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

let consoleCodePage: Promise<number | null> | undefined;

/**
 * The console code page netsh will write in, from `chcp` (Windows only; elsewhere, where netsh
 * is a test double, output is UTF-8). Asked once per process, from the absolute chcp.com;
 * null when chcp cannot tell.
 */
export function readConsoleCodePage(facts: PlatformFacts = currentPlatformFacts()): Promise<number | null> {
  if (facts.platform !== 'win32') return Promise.resolve(null);
  consoleCodePage ??= (async () => {
    try {
      const run = await runProcess(systemExecutable('chcp.com', facts), [], { timeoutMs: 10_000, facts });
      return run.exitCode === 0 ? parseChcpOutput(run.stdout.toString('latin1')) : null;
    } catch {
      return null;
    }
  })();
  return consoleCodePage;
}
