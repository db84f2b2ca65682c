import { urlaclAddArgv, urlaclDeleteArgv } from '../httpsys/netsh-commands.js';
import { listenReservation, reservationKey } from '../httpsys/listen-reservation.js';
import { readUrlReservations } from '../httpsys/read-http-sys.js';
import type { IisConfig } from '../iis/read-application-host-config.js';
import type { ResolvedSource } from '../source/resolve-source.js';

/**
 * Everyone may listen, by SID (WD): an account name would be translated on a non-English
 * Windows ("Jeder", "Tout le monde") and fail there. What Microsoft's IIS Express docs reserve.
 */
export const IisExpressReservationSddl = 'D:(A;;GX;;;WD)';

/** A URL reservation step of a binding change, with the step that undoes it. */
export interface ReservationChange {
  argv: string[];
  undo: string[];
  description: string;
  /** Whether the reservation exists before and after the step: lets recovery see whether it ran. */
  reservation: { url: string; before: boolean; after: boolean };
}

export interface ReservationPlan {
  /** Run before the configuration is written: IIS Express can listen as soon as it reads the binding. */
  additions: ReservationChange[];
  /** Run after it: no binding needs them any more. */
  deletions: ReservationChange[];
  messages: string[];
}

/**
 * The reservations an IIS Express configuration's http/https bindings need: IIS Express runs as
 * the user, who may listen on localhost only unless a URL is reserved for them (the same rule as
 * URLACL_MISSING, listen-reservation.ts).
 */
function neededUrls(config: IisConfig): Map<string, { url: string; covers: string[] }> {
  const needed = new Map<string, { url: string; covers: string[] }>();
  if (config.configKind !== 'iisexpress') return needed;
  for (const site of config.sites) {
    for (const binding of site.bindings) {
      const needs = binding.endpoint && listenReservation(binding.protocol, binding.endpoint);
      if (needs) needed.set(reservationKey(needs.url), needs);
    }
  }
  return needed;
}

/**
 * What the URL reservations need when an IIS Express configuration goes from `before` to
 * `after`: a reservation (by SDDL) for each URL a binding starts needing that none covers yet,
 * and the deletion of each reservation no binding needs any more, but only one of exactly that
 * URL and exactly the SDDL this adds: a wildcard or hand-made reservation may serve other programs.
 */
export async function planReservations(source: ResolvedSource, before: IisConfig, after: IisConfig, signal?: AbortSignal): Promise<ReservationPlan> {
  const plan: ReservationPlan = { additions: [], deletions: [], messages: [] };
  const was = neededUrls(before);
  const will = neededUrls(after);
  const gained = [...will.entries()].filter(([key]) => !was.has(key));
  const lost = [...was.entries()].filter(([key]) => !will.has(key));
  if (gained.length === 0 && lost.length === 0) return plan;

  const reservations = (await readUrlReservations(source.httpSys(), { signal })).reservations;
  const byUrl = new Map(reservations.map((reservation) => [reservationKey(reservation.url), reservation]));
  for (const [, { url, covers }] of gained) {
    const existing = covers.map((candidate) => byUrl.get(candidate)).find(Boolean);
    if (existing) {
      plan.messages.push(`URL reservation ${existing.url} already lets IIS Express listen on ${url}: no netsh step.`);
      continue;
    }
    plan.additions.push({
      argv: urlaclAddArgv({ url, sddl: IisExpressReservationSddl }),
      undo: urlaclDeleteArgv(url),
      description: `reserve ${url} for IIS Express (SDDL ${IisExpressReservationSddl}: Everyone may listen)`,
      reservation: { url, before: false, after: true },
    });
  }
  for (const [key] of lost) {
    const existing = byUrl.get(key);
    if (!existing) continue;
    if (existing.sddl?.toUpperCase() !== IisExpressReservationSddl) {
      plan.messages.push(`URL reservation ${existing.url} is kept: no binding needs it any more, but its access list (${existing.sddl ?? 'unreadable'}) is not the one a binding change adds, so it may serve something else. Delete it with urlacl/delete if not.`);
      continue;
    }
    plan.deletions.push({
      argv: urlaclDeleteArgv(existing.url),
      undo: urlaclAddArgv({ url: existing.url, sddl: existing.sddl }),
      description: `delete URL reservation ${existing.url}: no IIS Express binding needs it any more`,
      reservation: { url: existing.url, before: true, after: false },
    });
  }
  return plan;
}
