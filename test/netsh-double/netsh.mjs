#!/usr/bin/env node
// A stand-in for `netsh.exe http ...` in this repository's tests (never shipped). It keeps the
// http.sys state in the JSON file named by HTTPAPI_NETSH_STATE and answers show/add/update/delete
// sslcert and show/add/delete urlacl with the texts of real netsh, copied from the captures in
// fixtures/corpus/netsh (file names in the comments). Environment:
//   HTTPAPI_NETSH_STATE     state file ({ sslcert: [...], urlacl: [...] }); missing file = empty state
//   HTTPAPI_NETSH_LAYOUT    pre2012 | 2012 | win10 (default) | 2022 | 2025: the era of `show` output
//   HTTPAPI_NETSH_LOCALE    en (default) | it (urlacl labels, urlacl-it-01) | de (urlacl add error, error-de-183-urlacl-add-01)
//   HTTPAPI_NETSH_ELEVATED  0 = not elevated: every change fails with Error: 5
//   HTTPAPI_NETSH_JSON      1 = `show sslcert json=enable` works (shape from docs/netsh.md §1.2); otherwise refused
//   HTTPAPI_NETSH_CODEPAGE  e.g. 850: output bytes in that code page (default UTF-8)
// Every line it prints is in texts-list.mjs with its source or "inferred" (README.md beside this file
// renders that list; texts.test.ts fails on a line the list does not hold). Inferred, among others:
// the CCS key labels, `SSL Certificate update failed`, the Error: 5 wordings of update/delete and
// urlacl, show of a missing key, the JSON shape. Update replaces the whole record (options not
// given fall back to defaults), which is why callers must carry a mapping's options over.
import { Exit, fail, loadState, saveState, write } from './netsh-io.mjs';
import { Layouts, Messages, SslOptions, UsageAddSslcert } from './netsh-texts.mjs';
import { addUrlacl, deleteUrlacl, showUrlacl } from './netsh-urlacl.mjs';

const env = process.env;
const layout = Layouts[env.HTTPAPI_NETSH_LAYOUT ?? 'win10'];
if (!layout) {
  write([`HTTPAPI_NETSH_LAYOUT must be one of ${Object.keys(Layouts).join(', ')}`], 2);
  process.exit(2);
}

/** `name=value` tokens, names without case; a bare token fills `positional` (netsh's optional `name=`). */
function parseParams(tokens, positional) {
  const params = new Map();
  for (const token of tokens) {
    const at = token.indexOf('=');
    const name = at < 0 ? positional : token.slice(0, at).toLowerCase();
    const value = at < 0 ? token : token.slice(at + 1);
    if (!name || params.has(name)) fail(Messages.parameterIncorrect);
    params.set(name, value);
  }
  return params;
}

const keyKinds = ['ipport', 'hostnameport', 'ccs', 'scopedccs'];
const keyShapes = {
  ipport: /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]):\d{1,5}$/,
  hostnameport: /^[^\s:[\]]+:\d{1,5}$/,
  scopedccs: /^[^\s:[\]]+:\d{1,5}$/,
  ccs: /^\d{1,5}$/,
};
const sameKey = (a, b) => a.kind === b.kind && a.key.toLowerCase() === b.key.toLowerCase();

function keyOf(params) {
  const given = keyKinds.filter((kind) => params.has(kind));
  if (given.length !== 1) return undefined;
  const kind = given[0];
  const key = params.get(kind);
  if (!keyShapes[kind].test(key)) fail(Messages.parameterIncorrect);
  return { kind, key };
}

// ---- sslcert ---------------------------------------------------------------------------------

function sslOptionLines(record) {
  return layout.options.map((name) => {
    const option = SslOptions[name];
    const value = record.options?.[option.parameter] ?? option.default;
    const shown =
      option.type === 'enabled' ? (value === 'enable' ? 'Enabled' : 'Disabled')
      : option.type === 'set' ? (value === 'enable' ? 'Set' : 'Not Set')
      : value === null || value === undefined ? '(null)' : String(value);
    return [option.label, shown];
  });
}

function showMapping(record) {
  const lines = [
    [layout.keyLabels[record.kind], record.key],
    ['Certificate Hash', record.certhash ?? '(null)'],
    ['Application ID', record.appid],
    ['Certificate Store Name', record.certstorename ?? '(null)'],
    ...sslOptionLines(record),
  ].map(([label, value]) => layout.line(label, value));
  if (layout.extendedProperties) lines.push(...layout.extendedProperties);
  return lines;
}

function showSslcert(params, state) {
  const rest = [...params.keys()].filter((name) => !keyKinds.includes(name) && name !== 'json');
  if (rest.length > 0) fail(Messages.parameterIncorrect);
  const key = keyKinds.some((kind) => params.has(kind)) ? (keyOf(params) ?? fail(Messages.parameterIncorrect)) : undefined;
  const records = key ? state.sslcert.filter((record) => sameKey(record, key)) : state.sslcert;
  if (params.has('json')) {
    if (env.HTTPAPI_NETSH_JSON !== '1' || params.get('json').toLowerCase() !== 'enable') fail(Messages.parameterIncorrect);
    const configType = { ipport: 1, hostnameport: 5, ccs: 6, scopedccs: 11 };
    const bindings = records.map((record) => ({
      IpPort: record.key,
      ConfigType: configType[record.kind],
      AppId: record.appid.replace(/[{}]/g, ''),
      SslHash: /^[0-9a-f]{40}$/i.test(record.certhash ?? '') ? Buffer.from(record.certhash, 'hex').toString('base64') : record.certhash,
      SslCertStoreName: record.certstorename,
    }));
    return write([JSON.stringify({ SslCertificateBindings: bindings, message: '', status: 0 })], 0);
  }
  const header = [...(layout.leadingBlank ? [''] : []), 'SSL Certificate bindings:', '-------------------------', ...Array(layout.blankLines).fill('')];
  if (key && records.length === 0) fail([...header, Messages.notFound, '']);
  write([...header, ...records.flatMap((record) => [...showMapping(record), ''])], 0);
}

function setSslcert(verb, params, state) {
  const key = keyOf(params);
  if (!key || !params.has('appid')) fail(UsageAddSslcert);
  const record = { kind: key.kind, key: key.key, certhash: null, appid: null, certstorename: null, options: {} };
  for (const [name, value] of params) {
    if (keyKinds.includes(name)) continue;
    if (name === 'certhash') {
      if (!/^[0-9a-fA-F]{40}$/.test(value)) fail(Messages.parameterIncorrect);
      record.certhash = value.toLowerCase();
    } else if (name === 'appid') {
      if (!/^\{[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\}$/.test(value)) fail(Messages.parameterIncorrect);
      record.appid = value.toLowerCase();
    } else if (name === 'certstorename') {
      record.certstorename = value;
    } else {
      const option = Object.values(SslOptions).find((candidate) => candidate.parameter === name && layout.parameters.includes(name));
      if (!option) fail(Messages.parameterIncorrect);
      const valid = option.type === 'number' ? /^\d+$/.test(value) : option.type === 'string' ? value !== '' : /^(enable|disable)$/i.test(value);
      if (!valid) fail(Messages.parameterIncorrect);
      record.options[name] = option.type === 'number' ? Number(value) : option.type === 'string' ? value : value.toLowerCase();
    }
  }
  const ccs = key.kind === 'ccs' || key.kind === 'scopedccs';
  if (!ccs && record.certhash === null) fail(Messages.parameterIncorrect);
  const object = verb === 'add' ? 'SSL Certificate add' : 'SSL Certificate update';
  if (env.HTTPAPI_NETSH_ELEVATED === '0') fail(Messages.failed(object, 5));
  const at = state.sslcert.findIndex((existing) => sameKey(existing, key));
  if (verb === 'add' && at >= 0) fail(Messages.failed(object, 183));
  // `SSL Certificate update failed, Error: N` is inferred from the add wording.
  if (verb === 'update' && at < 0) fail(Messages.failed(object, 2));
  if (at >= 0) state.sslcert[at] = record;
  else state.sslcert.push(record);
  saveState(state);
  // Added: success-en-sslcert-01. Updated: the line a real-Windows script checks for (MilestoneSystemsInc/PowerShellSamples#9).
  write([verb === 'add' ? 'SSL Certificate successfully added' : 'SSL Certificate successfully updated'], 0);
}

function deleteSslcert(params, state) {
  const key = keyOf(params);
  if (!key) fail(Messages.essentialParameters);
  if (params.size > 1) fail(Messages.parameterIncorrect);
  if (env.HTTPAPI_NETSH_ELEVATED === '0') fail(Messages.failed('SSL Certificate deletion', 5));
  const at = state.sslcert.findIndex((existing) => sameKey(existing, key));
  if (at < 0) fail(Messages.failed('SSL Certificate deletion', 2));
  state.sslcert.splice(at, 1);
  saveState(state);
  write(['SSL Certificate successfully deleted'], 0); // success-en-sslcert-01
}

// ---- dispatch --------------------------------------------------------------------------------

try {
  const [context = '', verb = '', object = '', ...tokens] = process.argv.slice(2);
  const command = `${context} ${verb} ${object}`.toLowerCase();
  const state = loadState();
  const handlers = {
    'http show sslcert': () => showSslcert(parseParams(tokens, 'ipport'), state),
    'http add sslcert': () => setSslcert('add', parseParams(tokens), state),
    'http update sslcert': () => setSslcert('update', parseParams(tokens), state),
    'http delete sslcert': () => deleteSslcert(parseParams(tokens, 'ipport'), state),
    'http show urlacl': () => showUrlacl(parseParams(tokens, 'url'), state, layout),
    'http add urlacl': () => addUrlacl(parseParams(tokens, 'url'), state),
    'http delete urlacl': () => deleteUrlacl(parseParams(tokens, 'url'), state),
  };
  const handler = handlers[command];
  // MilestoneSystemsInc/PowerShellSamples#9 and MicrosoftDocs/windowsserverdocs#5875.
  if (!handler) fail([`The following command was not found: ${process.argv.slice(2).join(' ')}.`]);
  handler();
} catch (error) {
  if (!(error instanceof Exit)) throw error;
}
