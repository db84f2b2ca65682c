import v8 from 'node:v8';
import { runCommandLine } from './run-command-line.js';

// The input of `node --build-snapshot` (httpapi startup-snapshot): evaluating the whole CLI here
// puts it, compiled and with every schema built, into the snapshot's heap; a start from the blob
// only runs the command line.
if (!v8.startupSnapshot.isBuildingSnapshot()) {
  process.stderr.write('httpapi-startup.cjs is what `httpapi startup-snapshot` builds a startup snapshot from; run httpapi.js instead.\n');
  process.exit(1);
}
// Under a startup snapshot process.argv holds no script: the command's words start at argv[1].
v8.startupSnapshot.setDeserializeMainFunction(() => runCommandLine(process.argv.slice(1), undefined));
