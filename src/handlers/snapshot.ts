import { SnapshotExport } from '../protocol/index.js';
import { exportSnapshot } from '../snapshot/export-snapshot.js';
import { implement } from '../protocol/handler.js';

export const snapshotExport = implement(SnapshotExport, (params, context) => exportSnapshot(context.source, params.directory, { signal: context.signal }));
