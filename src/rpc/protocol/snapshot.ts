import { z } from 'zod';
import { defineMethod } from '../method.js';
import { WithSource } from './common.js';

export const SnapshotExport = defineMethod({
  method: 'snapshot/export',
  summary: 'Write the current state (configuration, sslcert and urlacl captures, certificates) to a snapshot folder.',
  changes: false,
  params: z.object({ ...WithSource, directory: z.string().min(1).describe('A new or empty folder to write the snapshot into.') }).strict(),
  result: z.object({ directory: z.string(), files: z.array(z.string()), notes: z.array(z.string()) }),
});
