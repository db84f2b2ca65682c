import { describe, expect, it } from 'vitest';
import { parseIpListenText, showIpListenArgv } from '../../src/httpsys/ip-listen-list.js';
import { probeAddress } from '../../src/join/live-tls-check.js';
import { windowsCommandLine } from '../helpers/windows-command-line.js';

describe('where the live probe connects', () => {
  it('dials loopback for a binding on all addresses when http.sys listens on all, and says so', () => {
    expect(probeAddress('*', [])).toEqual({ host: '127.0.0.1', seenFrom: "as seen from loopback (127.0.0.1; http.sys listens on all addresses): a 127.0.0.1 mapping, if any, answers instead of the binding's" });
    expect(probeAddress('', null).seenFrom).toContain('as seen from loopback (127.0.0.1; the IP listen list is unknown)');
    expect(probeAddress('*', ['0.0.0.0', '10.0.0.5']).host).toBe('127.0.0.1');
  });

  it('dials a listed address when http.sys has an IP listen list, IPv4 first', () => {
    expect(probeAddress('*', ['fe80::1', '10.0.0.5', '10.0.0.6'])).toEqual({ host: '10.0.0.5', seenFrom: "as seen from 10.0.0.5, the first address of http.sys's IP listen list (fe80::1, 10.0.0.5, 10.0.0.6)" });
    expect(probeAddress('', ['2001:db8::5']).host).toBe('2001:db8::5');
  });

  it("dials the binding's own address when it has one", () => {
    expect(probeAddress('10.0.0.7', ['10.0.0.5'])).toEqual({ host: '10.0.0.7', seenFrom: "as seen from this machine, connecting to the binding's address 10.0.0.7" });
    expect(probeAddress('[2001:db8::7]', null).host).toBe('2001:db8::7');
  });
});

describe('netsh http show iplisten', () => {
  it('runs as http show iplisten: the command line CreateProcess receives', () => {
    expect(windowsCommandLine('C:\\Windows\\System32\\netsh.exe', [...showIpListenArgv])).toBe('C:\\Windows\\System32\\netsh.exe http show iplisten');
  });

  // Written from the layout netsh uses for its other lists (header, dashes, indented entries); no capture of this output exists in the corpus.
  it('reads the addresses by shape, whatever language the header is in', () => {
    const english = '\r\nIP addresses present in the IP listen list:\r\n-------------------------------------------\r\n\r\n    10.0.0.5\r\n    ::1\r\n    [fe80::1]\r\n\r\n';
    expect(parseIpListenText(english)).toEqual(['10.0.0.5', '::1', 'fe80::1']);
    expect(parseIpListenText('\r\nIP-Adressen in der IP-Abhörliste:\r\n---------------------------------\r\n\r\n')).toEqual([]);
  });
});
