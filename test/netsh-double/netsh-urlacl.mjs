// `netsh http show/add/delete urlacl` of the netsh double (see netsh.mjs).
import { fail, saveState, write } from './netsh-io.mjs';
import { LocalizedUrlacl, Messages } from './netsh-texts.mjs';

const env = process.env;
const locale = env.HTTPAPI_NETSH_LOCALE ?? 'en';

const wellKnownUsers = [
  { names: ['everyone', '\\everyone'], shown: '\\Everyone', sid: 'WD' },
  { names: ['users', 'builtin\\users'], shown: 'BUILTIN\\Users', sid: 'BU' },
  { names: ['authenticated users', 'nt authority\\authenticated users'], shown: 'NT AUTHORITY\\Authenticated Users', sid: 'AU' },
  { names: ['local service', 'nt authority\\local service'], shown: 'NT AUTHORITY\\LOCAL SERVICE', sid: 'LS' },
  { names: ['network service', 'nt authority\\network service'], shown: 'NT AUTHORITY\\NETWORK SERVICE', sid: 'NS' },
];
const urlPrefix = /^https?:\/\/(\+|\*|\[[0-9a-fA-F:.]+\]|[^\s/:]+):\d{1,5}(\/[^\s]*)?\/$/i;

/** Inferred: a made-up SID for an account it cannot resolve (real netsh looks the account up). */
function pseudoSid(name) {
  let hash = 0;
  for (const char of name.toLowerCase()) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return `S-1-5-21-1004336348-1177238915-682003330-${1000 + (hash % 100000)}`;
}

function usersOfSddl(sddl) {
  return [...sddl.matchAll(/\(A;;([A-Z]+);;;([^)]+)\)/g)].map(([, rights, sid]) => ({
    user: wellKnownUsers.find((known) => known.sid === sid)?.shown ?? sid,
    listen: /GX|GA/.test(rights),
    delegate: /GW|GA/.test(rights),
  }));
}

export function showUrlacl(params, state, layout) {
  if ([...params.keys()].some((name) => name !== 'url')) fail(Messages.parameterIncorrect);
  const url = params.get('url');
  const records = url ? state.urlacl.filter((record) => record.url.toLowerCase() === url.toLowerCase()) : state.urlacl;
  const text = locale === 'it' ? LocalizedUrlacl.it : layout.urlacl;
  const lines = [...text.header];
  for (const record of records) {
    lines.push(text.url(record.url));
    for (const user of record.users) lines.push(...text.user(user));
    lines.push(text.sddl(record.sddl), '');
  }
  write(lines, 0);
}

export function addUrlacl(params, state) {
  if ([...params.keys()].some((name) => !['url', 'user', 'listen', 'delegate', 'sddl'].includes(name))) fail(Messages.parameterIncorrect);
  const url = params.get('url');
  if (!url || (!params.has('user') && !params.has('sddl'))) fail(Messages.essentialParameters);
  if (params.has('user') && params.has('sddl')) fail(Messages.parameterIncorrect);
  const yesNo = (name, fallback) => {
    const value = (params.get(name) ?? fallback).toLowerCase();
    if (value !== 'yes' && value !== 'no') fail(Messages.parameterIncorrect);
    return value === 'yes';
  };
  const failed = (number) => (locale === 'de' && number === 183 ? Messages.germanUrlaclAddFailed(number) : Messages.failed('Url reservation add', number));
  if (!urlPrefix.test(url)) fail(failed(87));
  let record;
  if (params.has('sddl')) {
    record = { url, users: usersOfSddl(params.get('sddl')), sddl: params.get('sddl') };
  } else {
    const listen = yesNo('listen', 'yes');
    const delegate = yesNo('delegate', 'no');
    if (!listen && !delegate) fail(Messages.parameterIncorrect);
    const name = params.get('user');
    const known = wellKnownUsers.find((candidate) => candidate.names.includes(name.toLowerCase()));
    const rights = `${listen ? 'GX' : ''}${delegate ? 'GW' : ''}`;
    record = { url, users: [{ user: known?.shown ?? name, listen, delegate }], sddl: `D:(A;;${rights};;;${known?.sid ?? pseudoSid(name)})` };
  }
  if (env.HTTPAPI_NETSH_ELEVATED === '0') fail(failed(5));
  if (state.urlacl.some((existing) => existing.url.toLowerCase() === url.toLowerCase())) fail(failed(183));
  state.urlacl.push(record);
  saveState(state);
  write(['URL reservation successfully added'], 0); // success-en-urlacl-add-01
}

export function deleteUrlacl(params, state) {
  if ([...params.keys()].some((name) => name !== 'url')) fail(Messages.parameterIncorrect);
  const url = params.get('url');
  if (!url) fail(Messages.essentialParameters);
  if (!urlPrefix.test(url)) fail(Messages.failed('URL reservation delete', 87));
  if (env.HTTPAPI_NETSH_ELEVATED === '0') fail(Messages.failed('URL reservation delete', 5));
  const at = state.urlacl.findIndex((existing) => existing.url.toLowerCase() === url.toLowerCase());
  if (at < 0) fail(Messages.failed('URL reservation delete', 2));
  state.urlacl.splice(at, 1);
  saveState(state);
  write(['URL reservation successfully deleted'], 0); // kurrent-io/KurrentDB#2053
}

