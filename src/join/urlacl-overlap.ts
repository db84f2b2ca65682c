import { catalogued } from '../finding-codes.js';
import type { Finding, JoinReservation } from './join-model.js';

/**
 * The host-specifier categories of a UrlPrefix in http.sys's order of precedence (Microsoft
 * Learn, "UrlPrefix Strings", Host-Specifier Categories): a request goes to the strong wildcard
 * `+` before an explicit host name, to that before an IP literal (IP-bound weak wildcard), and to
 * the weak wildcard `*` only when no other category matched.
 */
const Categories = ['strong wildcard (+)', 'explicit host', 'IP-bound weak wildcard', 'weak wildcard (*)'] as const;

interface Prefix {
  url: string;
  scheme: string;
  host: string;
  port: number;
  path: string;
  category: number;
}

/**
 * URLACL_OVERLAP for every two reservations of different categories that cover the same
 * requests: same scheme and port, hosts that can match one request, and one path a prefix of
 * the other. The category decides before the path does, so `http://+:80/` takes the requests
 * for `/app/` that `http://*:80/app/` was meant for. Two of the same category are ordinary
 * nesting (the longer path serves its subtree, inferred) and are not reported.
 */
export function urlAclOverlapFindings(reservations: readonly JoinReservation[]): Finding[] {
  const groups = new Map<string, Prefix[]>();
  for (const reservation of reservations) {
    const prefix = parsePrefix(reservation.url);
    if (!prefix) continue;
    const key = `${prefix.scheme}:${prefix.port}`;
    groups.set(key, [...(groups.get(key) ?? []), prefix]);
  }
  const findings: Finding[] = [];
  for (const prefixes of groups.values()) {
    prefixes.forEach((first, index) => {
      for (const second of prefixes.slice(index + 1)) {
        if (first.category === second.category || !hostsMeet(first, second)) continue;
        const [longer, shorter] = second.path.length >= first.path.length ? [second, first] : [first, second];
        if (!longer.path.startsWith(shorter.path)) continue;
        const [winner, loser] = first.category < second.category ? [first, second] : [second, first];
        const host = [first, second].find((prefix) => prefix.category === 1 || prefix.category === 2)?.host ?? 'any host';
        findings.push({
          ...catalogued('URLACL_OVERLAP'),
          message: `URL reservations ${first.url} and ${second.url} both cover requests for ${host} on ${winner.scheme} port ${winner.port} under ${longer.path}: http.sys routes them to ${winner.url}, because a ${Categories[winner.category]} goes before a ${Categories[loser.category]} whatever the path (Microsoft Learn, "UrlPrefix Strings").`,
          fix: `Make the application that should answer ${longer.path} register under ${winner.url}, give the two distinct ports or paths, or delete the reservation that is not needed: httpapi urlacl delete --url ${loser.url}`,
        });
      }
    });
  }
  return findings;
}

function parsePrefix(url: string): Prefix | null {
  const match = /^(https?):\/\/(\[[^\]]*\]|[^:/]+):(\d+)(\/.*)?$/i.exec(url.trim());
  if (!match) return null;
  const host = match[2]!.toLowerCase();
  const path = (match[4] ?? '/').toLowerCase();
  return { url: url.trim(), scheme: match[1]!.toLowerCase(), host, port: Number(match[3]), path: path.endsWith('/') ? path : `${path}/`, category: category(host) };
}

function category(host: string): number {
  if (host === '+') return 0;
  if (host === '*') return 3;
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 2;
  return 1;
}

/** Whether one request can match both hosts: a wildcard meets any host; a name meets an IP (the request names one and arrives on the other). */
function hostsMeet(first: Prefix, second: Prefix): boolean {
  if (first.category === 0 || first.category === 3 || second.category === 0 || second.category === 3) return true;
  return first.category !== second.category || first.host === second.host;
}
