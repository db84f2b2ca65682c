import { isIPv4 } from 'node:net';
import { catalogued } from '../finding-codes.js';
import { siteNameKey } from './site-name.js';
import type { ConfigFinding, ConfigKind, IisBinding, IisSite } from './iis-config.js';

/**
 * What is odd in the sites as read: things IIS would refuse or silently mishandle, and things
 * a person probably did not mean (docs/domain.md §3). Reading never fails because of them.
 */
export function configFindings(sites: readonly IisSite[], kind: ConfigKind): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  const siteNames = new Set<string>();
  const siteIds = new Map<number, string>();
  // protocol -> bindingInformation (lower case) -> the first site that has it
  const bindings = new Map<string, Map<string, string>>();
  for (const site of sites) {
    const label = site.name === '' ? '(no name)' : site.name;
    if (site.name === '') findings.push({ ...catalogued('SITE_WITHOUT_NAME'), message: `A site (id ${site.id ?? 'none'}${at(site.line)}) has no name attribute.`, fix: 'Give the site a name no other site uses.' });
    else {
      // Unique without case, as IIS compares them (site-name.ts).
      if (siteNames.has(siteNameKey(site.name))) findings.push({ ...catalogued('DUPLICATE_SITE_NAME'), site: site.name, message: `Two sites are named '${site.name}'${at(site.line)}; IIS requires site names to be unique.`, fix: 'Rename or remove one of them.' });
      else siteNames.add(siteNameKey(site.name));
    }
    if (site.id === null) {
      const text = site.attributes.id;
      findings.push(
        text === undefined
          ? { ...catalogued('SITE_WITHOUT_ID'), site: label, message: `Site '${label}'${at(site.line)} has no id attribute.`, fix: 'Add id="N" with a number no other site uses.' }
          : { ...catalogued('SITE_ID_INVALID'), site: label, message: `Site '${label}'${at(site.line)} has id '${text}', which is not a number.`, fix: 'Set id to a number no other site uses.' },
      );
    } else {
      const other = siteIds.get(site.id);
      if (other !== undefined) findings.push({ ...catalogued('DUPLICATE_SITE_ID'), site: label, message: `Sites '${other}' and '${label}' both have id ${site.id}; IIS requires site ids to be unique.`, fix: `Give '${label}' an id no other site uses.` });
      else siteIds.set(site.id, label);
    }
    for (const binding of site.bindings) {
      const protocol = binding.protocol.toLowerCase();
      addBindingFindings(findings, label, binding, protocol === 'https');
      let seen = bindings.get(protocol);
      if (seen === undefined) bindings.set(protocol, (seen = new Map()));
      // net.tcp, net.pipe and msmq bindings are shared by design (WAS port sharing): only a
      // repeat inside one site is wrong for them; http and https must also differ across sites.
      const key = binding.endpoint ? binding.bindingInformation.toLowerCase() : `${binding.bindingInformation.toLowerCase()}\u0000${label}`;
      const other = seen.get(key);
      if (other === undefined) seen.set(key, label);
      else findings.push(duplicate(other, label, binding, kind));
    }
  }
  return findings;
}

const DIGIT_FIRST = /^[0-9]/;

function addBindingFindings(findings: ConfigFinding[], site: string, binding: IisBinding, https: boolean): void {
  const endpoint = binding.endpoint;
  // A host cannot hold ':', so only an IPv4 literal can be an IP here; the cheap test goes first.
  const hostIsIp = endpoint !== undefined && DIGIT_FIRST.test(endpoint.host) && isIPv4(endpoint.host);
  const sniWithoutHost = https && endpoint?.host === '' && (binding.sslFlags & 1) !== 0;
  // Most bindings are unremarkable: decide that before building any text.
  if (!binding.problem && endpoint?.host !== '*' && !hostIsIp && !sniWithoutHost && binding.unknownSslFlags === 0 && (https || binding.sslFlags === 0)) return;
  const about = { site, binding: binding.bindingInformation };
  const name = `${binding.protocol} binding '${binding.bindingInformation}' of site '${site}'${at(binding.line)}`;
  if (binding.problem) {
    findings.push({ ...catalogued('BINDING_INVALID'), ...about, message: `The ${name} cannot be read: ${binding.problem}. It is kept as written.`, fix: 'Correct it; http and https bindings are ADDRESS:PORT:HOST, for example *:443:www.example.com.' });
  }
  if (endpoint?.host === '*') {
    findings.push({ ...catalogued('BINDING_HOST_STAR'), ...about, message: `The ${name} has '*' as its host, which is not a host name; IIS 10 wildcard hosts look like *.example.com.`, fix: 'Leave the host empty to answer every host name, or write a wildcard such as *.example.com.' });
  } else if (endpoint && hostIsIp) {
    findings.push({ ...catalogued('BINDING_HOST_IS_IP'), ...about, message: `The ${name} uses the IP address ${endpoint.host} as its host name, so it only answers requests whose Host header is that address.`, fix: `To listen on that address instead, put it first: ${endpoint.host}:${endpoint.port}:.` });
  }
  if (sniWithoutHost) {
    findings.push({ ...catalogued('SNI_WITHOUT_HOST'), ...about, message: `The ${name} requires SNI (sslFlags bit 1) but has no host name to look the certificate up by.`, fix: 'Add the host name to the binding, or clear the SNI flag.' });
  }
  if (binding.unknownSslFlags !== 0) {
    findings.push({ ...catalogued('UNKNOWN_SSLFLAGS'), ...about, message: `The ${name} has sslFlags ${binding.sslFlags}, with bits this product has no name for (0x${binding.unknownSslFlags.toString(16)}); they are kept on every write.`, fix: 'Check the value with the IIS documentation of your Windows version.' });
  }
  if (!https && binding.sslFlags !== 0) {
    findings.push({ ...catalogued('SSL_FLAGS_NOT_HTTPS'), ...about, message: `The ${name} has sslFlags ${binding.sslFlags}, which only https bindings use.`, fix: 'Remove sslFlags from the binding, or make it an https binding.' });
  }
}

function duplicate(first: string, site: string, binding: IisBinding, kind: ConfigKind): ConfigFinding {
  const what = `${binding.protocol} binding '${binding.bindingInformation}'`;
  if (first === site) {
    return { code: 'DUPLICATE_BINDING', severity: 'error', site, binding: binding.bindingInformation, message: `Site '${site}' has the ${what} twice${at(binding.line)}; IIS refuses a repeated binding in one site.`, fix: 'Remove one of them.' };
  }
  if (kind === 'iisexpress') {
    return { code: 'DUPLICATE_BINDING', severity: 'info', site, binding: binding.bindingInformation, message: `Sites '${first}' and '${site}' both have the ${what}${at(binding.line)}; IIS Express can run only one of them at a time.`, fix: 'Give one of them another port if both must run together.' };
  }
  return { code: 'DUPLICATE_BINDING', severity: 'warning', site, binding: binding.bindingInformation, message: `Sites '${first}' and '${site}' both have the ${what}${at(binding.line)}; IIS cannot run both at once (the second fails to start while the first holds it).`, fix: 'Give one of them another port, address or host name.' };
}

function at(line: number | undefined): string {
  return line === undefined ? '' : ` (line ${line})`;
}
