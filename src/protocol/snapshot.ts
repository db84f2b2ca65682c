import { z } from 'zod';
import { defineMethod } from './method.js';
import { WithSource } from './common.js';

export const SnapshotExport = defineMethod({
  method: 'snapshot/export',
  summary: 'Write the current state (configuration, sslcert and urlacl captures, certificates) to a snapshot folder.',
  changes: false,
  params: z.object({ ...WithSource, directory: z.string().min(1).describe('A new or empty folder to write the snapshot into, not under /proc, /sys, /dev or another virtual file system.') }).strict(),
  result: z.object({
    directory: z.string(),
    files: z.array(z.string()).describe('Every file written: the configuration, the captures, certs/STORE/THUMBPRINT.cer (certificates only, never keys) and certs/keys.json.'),
    notes: z.array(z.string()),
  }),
});
