import { addBinding } from '../changes/add-binding.js';
import { removeBinding } from '../changes/remove-binding.js';
import { setBindingCertificate } from '../changes/set-binding-certificate.js';
import { httpsBindingsAnswer } from '../join/https-bindings-answer.js';
import { BindingsAdd, BindingsHttps, BindingsRemove, BindingsSetCertificate } from '../protocol/index.js';
import { implement } from '../protocol/handler.js';

export const bindingsHttps = implement(BindingsHttps, (params, context) => httpsBindingsAnswer(context.source, params, context.progress, context.signal));

export const bindingsAdd = implement(BindingsAdd, (params, context) => addBinding(context.source, params, context.signal));

export const bindingsRemove = implement(BindingsRemove, (params, context) => removeBinding(context.source, params, context.signal));

export const bindingsSetCertificate = implement(BindingsSetCertificate, (params, context) => setBindingCertificate(context.source, params, context.signal));
