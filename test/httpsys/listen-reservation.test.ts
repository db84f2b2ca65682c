import { describe, expect, it } from 'vitest';
import { listenReservation, reservationKey } from '../../src/httpsys/listen-reservation.js';

// The one rule both URLACL_MISSING and the IIS Express reservations of a binding change follow.
describe('listenReservation', () => {
  it('a named host needs its own URL, covered by it or by the port\'s * or + wildcard', () => {
    expect(listenReservation('HTTPS', { host: 'WWW.contoso.com', port: 44300 })).toEqual({
      url: 'https://WWW.contoso.com:44300/',
      covers: ['https://www.contoso.com:44300/', 'https://*:44300/', 'https://+:44300/'],
    });
  });

  it('an empty host listens on every name, so it needs http://*:PORT/', () => {
    expect(listenReservation('http', { host: '', port: 8080 })?.url).toBe('http://*:8080/');
  });

  it('localhost needs none, nor does a protocol other than http and https', () => {
    expect(listenReservation('http', { host: 'LocalHost', port: 8080 })).toBeNull();
    expect(listenReservation('net.tcp', { host: 'www.contoso.com', port: 808 })).toBeNull();
  });

  it('reservation URLs compare without case and with their closing slash', () => {
    expect(reservationKey(' HTTP://+:80 ')).toBe('http://+:80/');
    expect(reservationKey('http://www.contoso.com:80/')).toBe('http://www.contoso.com:80/');
  });
});
