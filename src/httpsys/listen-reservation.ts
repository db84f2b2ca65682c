/** A reservation URL as http.sys compares them here: case aside, with its closing slash. */
export function reservationKey(url: string): string {
  const lower = url.trim().toLowerCase();
  return lower.endsWith('/') ? lower : `${lower}/`;
}

/**
 * The URL reservation a process that is not an administrator (IIS Express) needs to listen on
 * an http or https binding, and the reservations that would cover it: the binding's own URL, or
 * the port's `*` or `+` wildcard (reservationKey form). A binding on localhost needs none, nor
 * does one of another protocol; an empty host listens on every name (`*`), so it needs one too.
 */
export function listenReservation(protocol: string, endpoint: { host: string; port: number }): { url: string; covers: string[] } | null {
  const scheme = protocol.toLowerCase();
  if ((scheme !== 'http' && scheme !== 'https') || endpoint.host.toLowerCase() === 'localhost') return null;
  const url = `${scheme}://${endpoint.host || '*'}:${endpoint.port}/`;
  return { url, covers: [url, `${scheme}://*:${endpoint.port}/`, `${scheme}://+:${endpoint.port}/`].map(reservationKey) };
}
