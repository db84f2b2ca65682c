import { sidProblem } from './sid-string.js';

/**
 * Security descriptor strings (SDDL), as `netsh http add urlacl sddl=` takes them. Grammar from
 * Microsoft Learn, "Security Descriptor String Format" (`O:owner_sid G:group_sid
 * D:dacl_flags(string_ace1)(string_ace2)... S:sacl_flags(string_ace1)...`), "ACE Strings"
 * (`ace_type;ace_flags;rights;object_guid;inherit_object_guid;account_sid;(resource_attribute)`)
 * and "SID Strings" (the two-letter aliases).
 *
 * Ours, inferred: conditional and callback ACEs (XA, XD, XU, ZA) and resource attributes are
 * refused (their expressions are free text and a URL reservation has no use for them), as is
 * `D:NO_ACCESS_CONTROL` (a null DACL grants everything to everyone: write D:(A;;GX;;;WD) to mean
 * that). A reservation must grant something: at least one allow ACE with rights, or http.sys
 * would hold a reservation nobody may use.
 */
export const sddlMaxLength = 4096;

/** The shape for documents (JSON Schema pattern): components and parenthesized ACEs, no whitespace. */
export const sddlPattern = '^(?:[OG]:[A-Za-z0-9-]+|[DS]:[A-Z_]*(?:\\([A-Za-z0-9;,{}-]*\\))*)+$';

export interface Ace {
  type: string;
  flags: string[];
  rights: string[] | number;
  objectGuid: string;
  inheritObjectGuid: string;
  sid: string;
}

export interface SecurityDescriptor {
  owner?: string;
  group?: string;
  dacl?: { flags: string[]; aces: Ace[] };
  sacl?: { flags: string[]; aces: Ace[] };
}

const aliases = new Set(
  'AA AC AN AO AP AS AU BA BG BO BU CA CD CG CN CO CY DA DC DD DG DU EA ED EK ER ES HA HI IS IU KA LA LG LS LU LW ME MP MU NO NS NU OW PA PO PS PU RA RC RD RE RM RO RS RU SA SI SO SS SU SY UD WD WR'.split(' '),
);
const daclTypes = new Set(['A', 'D', 'OA', 'OD']);
const saclTypes = new Set(['AU', 'AL', 'OU', 'OL', 'ML', 'SP']);
const objectTypes = new Set(['OA', 'OD', 'OU', 'OL']);
const aceFlags = new Set(['CI', 'OI', 'NP', 'IO', 'ID', 'SA', 'FA', 'TP', 'CR']);
const rightCodes = new Set('GA GR GW GX RC SD WD WO RP WP CC DC LC SW LO DT CR FA FR FW FX KA KR KW KX NR NW NX'.split(' '));
const aclFlags = ['P', 'AI', 'AR'];
const guid = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

class SddlError extends Error {}

function pairs(text: string, known: ReadonlySet<string>, what: string): string[] {
  if (text.length % 2 !== 0) throw new SddlError(`${what} '${text}' is not a run of two-letter codes`);
  const codes = text.match(/../g) ?? [];
  for (const code of codes) if (!known.has(code)) throw new SddlError(`'${code}' is not ${what}`);
  if (new Set(codes).size !== codes.length) throw new SddlError(`${what} '${text}' repeats a code`);
  return codes;
}

function sid(text: string, where: string): string {
  if (aliases.has(text)) return text;
  if (/^S-/i.test(text)) {
    const problem = sidProblem(text);
    if (problem) throw new SddlError(`${where}: ${problem}`);
    return text;
  }
  throw new SddlError(`${where}: '${text.slice(0, 40)}' is neither a SID (S-1-...) nor a two-letter alias such as WD or BA`);
}

function rights(text: string, where: string): string[] | number {
  if (/^0x[0-9A-Fa-f]{1,8}$/.test(text)) return Number(text);
  if (text === '') return [];
  return pairs(text, rightCodes, `an access right (${where})`);
}

function ace(body: string, acl: 'D' | 'S', index: number): Ace {
  const where = `ACE ${index + 1}`;
  const fields = body.split(';');
  if (fields.length === 7) throw new SddlError(`${where} has a resource attribute, which is not accepted here`);
  if (fields.length !== 6) throw new SddlError(`${where} has ${fields.length} fields; an ACE is (type;flags;rights;object_guid;inherit_object_guid;sid)`);
  const [type, flags, rightsText, objectGuid, inheritObjectGuid, account] = fields as [string, string, string, string, string, string];
  if (!(acl === 'D' ? daclTypes : saclTypes).has(type)) {
    throw new SddlError(`${where} has the type '${type.slice(0, 10)}'; ${acl === 'D' ? 'a DACL takes A, D, OA or OD' : 'a SACL takes AU, AL, OU, OL, ML or SP'}`);
  }
  for (const [value, name] of [[objectGuid, 'object_guid'], [inheritObjectGuid, 'inherit_object_guid']] as const) {
    if (value !== '' && (!objectTypes.has(type) || !guid.test(value))) throw new SddlError(`${where} has the ${name} '${value.slice(0, 40)}'; only object ACEs take one, and it is a GUID`);
  }
  return { type, flags: pairs(flags, aceFlags, `an ACE flag (${where})`), rights: rights(rightsText, where), objectGuid, inheritObjectGuid, sid: sid(account, where) };
}

function acl(text: string, kind: 'D' | 'S'): { flags: string[]; aces: Ace[] } {
  if (text === 'NO_ACCESS_CONTROL' || text.startsWith('NO_ACCESS_CONTROL')) throw new SddlError(`${kind}:NO_ACCESS_CONTROL (a null ACL) is not accepted: it grants everything to everyone`);
  const open = text.indexOf('(');
  const flagText = open < 0 ? text : text.slice(0, open);
  const flags: string[] = [];
  for (let rest = flagText; rest !== ''; ) {
    const flag = aclFlags.find((candidate) => rest.startsWith(candidate));
    if (!flag || flags.includes(flag)) throw new SddlError(`${kind}: has the flags '${flagText.slice(0, 40)}'; the flags are P, AI and AR`);
    flags.push(flag);
    rest = rest.slice(flag.length);
  }
  const aces: Ace[] = [];
  let rest = open < 0 ? '' : text.slice(open);
  while (rest !== '') {
    const match = /^\(([^()]*)\)/.exec(rest);
    if (!match) throw new SddlError(`${kind}: '${rest.slice(0, 40)}' is not a parenthesized ACE`);
    aces.push(ace(match[1]!, kind, aces.length));
    rest = rest.slice(match[0].length);
  }
  return { flags, aces };
}

/** Splits at the component tags O: G: D: S: (no ACE, SID or flag holds a colon). */
function components(text: string): [string, string][] {
  const starts = [...text.matchAll(/([OGDS]):/g)];
  if (starts[0]?.index !== 0) throw new SddlError('it does not start with O:, G:, D: or S:');
  return starts.map((match, at) => [match[1]!, text.slice(match.index + 2, starts[at + 1]?.index ?? text.length)]);
}

/** Parses an SDDL string; throws with the reason when it is not one. */
export function parseSddl(text: string): SecurityDescriptor {
  if (text.length > sddlMaxLength) throw new SddlError(`it is ${text.length} characters long; at most ${sddlMaxLength}`);
  if (/[^A-Za-z0-9:;()_{}-]/.test(text)) {
    const bad = /[^A-Za-z0-9:;()_{}-]/.exec(text)![0];
    throw new SddlError(`it holds ${/[\x21-\x7e]/.test(bad) ? `'${bad}'` : `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`}, which no SDDL string holds`);
  }
  const descriptor: SecurityDescriptor = {};
  for (const [tag, value] of components(text)) {
    const seen = { O: descriptor.owner, G: descriptor.group, D: descriptor.dacl, S: descriptor.sacl }[tag];
    if (seen !== undefined) throw new SddlError(`it has two ${tag}: components`);
    if (tag === 'O') descriptor.owner = sid(value, 'the owner');
    else if (tag === 'G') descriptor.group = sid(value, 'the group');
    else if (tag === 'D') descriptor.dacl = acl(value, 'D');
    else descriptor.sacl = acl(value, 'S');
  }
  return descriptor;
}

/** Whether an ACE allows something: an allow type with at least one right. */
function grants(entry: Ace): boolean {
  return (entry.type === 'A' || entry.type === 'OA') && (Array.isArray(entry.rights) ? entry.rights.length > 0 : entry.rights !== 0);
}

/** Why the text is not an SDDL string that grants someone something, or null when it is one. */
export function sddlProblem(text: string): string | null {
  try {
    const descriptor = parseSddl(text);
    if (!descriptor.dacl?.aces.some(grants)) return 'it grants nothing: give a DACL with at least one allow ACE, e.g. D:(A;;GX;;;WD)';
    return null;
  } catch (error) {
    if (error instanceof SddlError) return error.message;
    throw error;
  }
}
