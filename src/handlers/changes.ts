import { recoverChange } from '../changes/recover-change.js';
import { ChangesRecover } from '../rpc/protocol/index.js';
import { implement } from './handler.js';

export const changesRecover = implement(ChangesRecover, (params, context) => recoverChange(context.source, params, context.signal));
