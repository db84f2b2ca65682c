import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const spawned: { file: string; args: string[]; options: Record<string, unknown> }[] = [];
vi.mock('node:child_process', async (original) => ({
  ...(await original<typeof import('node:child_process')>()),
  // Records what Node would hand to libuv on Windows; the fake never runs anything.
  spawn: (file: string, args: string[], options: Record<string, unknown>) => {
    spawned.push({ file, args, options });
    return Object.assign(new EventEmitter(), { pid: undefined, stdout: new EventEmitter(), stderr: new EventEmitter(), exitCode: null, signalCode: null, kill: () => true });
  },
}));

const { netshCommandTokens } = await import('../../src/httpsys/netsh-command-line.js');
const { startChild } = await import('../../src/process/child-processes.js');
const { quoteCommandArgument, windowsCommandLine } = await import('../helpers/windows-command-line.js');

/** What CreateProcess receives with windowsVerbatimArguments: argv0 and the arguments joined by spaces, unquoted (libuv make_program_args). */
const verbatimCommandLine = (call: (typeof spawned)[number]) => [call.options.argv0 as string, ...call.args].join(' ');

const netsh = 'C:\\Windows\\System32\\netsh.exe';
const windows = { platform: 'win32' as const, arch: 'x64', env: { SystemRoot: 'C:\\Windows' } };
const argv = ['http', 'add', 'urlacl', 'url=http://+:8080/app/', 'user=NT AUTHORITY\\NETWORK SERVICE', 'listen=yes'];

describe('netsh values with spaces', () => {
  it('quote only the value, as the add urlacl reference writes user="NT AUTHORITY\\NETWORK SERVICE"', () => {
    expect(netshCommandTokens(argv)).toEqual(['http', 'add', 'urlacl', 'url=http://+:8080/app/', 'user="NT AUTHORITY\\NETWORK SERVICE"', 'listen=yes']);
    expect(netshCommandTokens(['sddl=D:(A;;GX;;;WD)', 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}'])).toEqual(['sddl=D:(A;;GX;;;WD)', 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}']);
    expect(netshCommandTokens(['hostnameport=www.contoso.com:443', 'certstorename=Web Hosting'])).toEqual(['hostnameport=www.contoso.com:443', 'certstorename="Web Hosting"']);
  });

  it('refuse a quotation mark, which netsh documents no way to pass', () => {
    expect(() => netshCommandTokens(['user=a"b'])).toThrow(expect.objectContaining({ id: 'INVALID_ARGUMENT' }));
  });

  it('reach CreateProcess as the documented command line on Windows, not libuv\'s whole-token quoting', () => {
    spawned.length = 0;
    startChild(netsh, argv, { stdin: 'ignore', facts: windows, windowsTokens: netshCommandTokens });
    const [call] = spawned;
    expect(call!.options).toMatchObject({ windowsVerbatimArguments: true, shell: false, windowsHide: true, detached: false });
    expect(verbatimCommandLine(call!)).toBe('C:\\Windows\\System32\\netsh.exe http add urlacl url=http://+:8080/app/ user="NT AUTHORITY\\NETWORK SERVICE" listen=yes');
    // What libuv's quoting would have sent instead: the whole token quoted, a form netsh's documentation never shows.
    expect(windowsCommandLine(netsh, argv)).toBe('C:\\Windows\\System32\\netsh.exe http add urlacl url=http://+:8080/app/ "user=NT AUTHORITY\\NETWORK SERVICE" listen=yes');
  });

  it('quote a netsh path with spaces as argv0', () => {
    spawned.length = 0;
    startChild('C:\\Program Files\\Tools\\netsh.exe', ['http', 'show', 'sslcert'], { stdin: 'ignore', facts: windows, windowsTokens: netshCommandTokens });
    expect(verbatimCommandLine(spawned[0]!)).toBe('"C:\\Program Files\\Tools\\netsh.exe" http show sslcert');
  });

  it('leave the argv alone off Windows (the double receives the values as such) and in a process group of its own', () => {
    spawned.length = 0;
    startChild('/usr/bin/netsh-double', argv, { stdin: 'ignore', facts: { platform: 'linux', arch: 'x64', env: {} }, windowsTokens: netshCommandTokens });
    expect(spawned[0]).toMatchObject({ args: argv, options: { detached: true, shell: false } });
    expect(spawned[0]!.options.windowsVerbatimArguments).toBeUndefined();
  });
});

describe("libuv's quote_cmd_arg, as reproduced for these tests", () => {
  it('gives the outputs libuv lists in its own comment', () => {
    const cases: [string, string][] = [
      ['hello"world', '"hello\\"world"'],
      ['hello""world', '"hello\\"\\"world"'],
      ['hello\\world', 'hello\\world'],
      ['hello\\\\world', 'hello\\\\world'],
      ['hello\\"world', '"hello\\\\\\"world"'],
      ['hello\\\\"world', '"hello\\\\\\\\\\"world"'],
      ['hello world\\', '"hello world\\\\"'],
      ['', '""'],
      ['a b', '"a b"'],
    ];
    for (const [input, output] of cases) expect(quoteCommandArgument(input)).toBe(output);
  });
});
