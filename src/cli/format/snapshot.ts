import path from 'node:path';

interface SnapshotExportResult {
  directory: string;
  files: string[];
  notes: string[];
}

/** The folder, then every file written (relative to it) and every note, one per line. */
export function formatSnapshotExport(result: SnapshotExportResult): string {
  return [
    `Snapshot written to ${result.directory}`,
    `${result.files.length} file(s):`,
    ...result.files.map((file) => `  ${path.relative(result.directory, file)}`),
    ...(result.notes.length > 0 ? ['Notes:', ...result.notes.map((note) => `  ${note}`)] : []),
  ].join('\n');
}
