import { addBinding } from '../changes/add-binding.js';
import { removeBinding } from '../changes/remove-binding.js';
import { setBindingCertificate } from '../changes/set-binding-certificate.js';
import { updateBinding } from '../changes/update-binding.js';
import { httpsBindingsAnswer } from '../join/https-bindings-answer.js';
import { BindingsAdd, BindingsHttps, BindingsRemove, BindingsSetCertificate, BindingsUpdate } from '../protocol/index.js';
import { implement } from '../protocol/handler.js';

export const bindingsHttps = implement(BindingsHttps, (params, context) => httpsBindingsAnswer(context.source, params, context.progress, context.signal));

export const bindingsAdd = implement(BindingsAdd, (params, context) => addBinding(context.source, params, context.signal));

export const bindingsRemove = implement(BindingsRemove, (params, context) => removeBinding(context.source, params, context.signal));

export const bindingsSetCertificate = implement(BindingsSetCertificate, (params, context) => setBindingCertificate(context.source, params, context.signal));

export const bindingsUpdate = implement(BindingsUpdate, (params, context) => updateBinding(context.source, params, context.signal));
