import type { Implementation } from './handler.js';
import { discover, serverInfo } from './server.js';

/** Every implemented method. A protocol method missing here answers NOT_IMPLEMENTED. */
export const implementations: readonly Implementation[] = [serverInfo, discover];
