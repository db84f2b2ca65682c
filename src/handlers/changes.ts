import { recoverChange } from '../changes/recover-change.js';
import { ChangesRecover } from '../protocol/index.js';
import { implement } from '../protocol/handler.js';

export const changesRecover = implement(ChangesRecover, (params, context) => recoverChange(context.source, params, context.signal));
