import { diagnose } from '../join/diagnosis.js';
import { DiagnosticsRun } from '../protocol/index.js';
import { implement } from '../protocol/handler.js';

export const diagnosticsRun = implement(DiagnosticsRun, (params, context) => diagnose(context.source, params, context.progress, context.signal));
