import { describe, expect, it } from 'vitest';
import { parseSddl, sddlProblem } from '../../src/httpsys/sddl.js';

/** Literal cases from Microsoft Learn's "Security Descriptor String Format" and "ACE Strings" pages and the urlacl captures. */
describe('parseSddl', () => {
  it('reads owner, group, DACL flags and each ACE field', () => {
    expect(parseSddl('O:BAG:SYD:P(A;;GX;;;NS)(D;CIOI;GW;;;WD)(OA;;0x10;4c164200-20c0-11d0-a768-00aa006e0529;;S-1-5-32-544)')).toEqual({
      owner: 'BA',
      group: 'SY',
      dacl: {
        flags: ['P'],
        aces: [
          { type: 'A', flags: [], rights: ['GX'], objectGuid: '', inheritObjectGuid: '', sid: 'NS' },
          { type: 'D', flags: ['CI', 'OI'], rights: ['GW'], objectGuid: '', inheritObjectGuid: '', sid: 'WD' },
          { type: 'OA', flags: [], rights: 16, objectGuid: '4c164200-20c0-11d0-a768-00aa006e0529', inheritObjectGuid: '', sid: 'S-1-5-32-544' },
        ],
      },
    });
  });

  it('reads a SACL beside the DACL, in either order', () => {
    const descriptor = parseSddl('S:AI(AU;SAFA;GA;;;WD)D:(A;;GX;;;BU)(A;;GX;;;LS)');
    expect(descriptor.sacl).toEqual({ flags: ['AI'], aces: [{ type: 'AU', flags: ['SA', 'FA'], rights: ['GA'], objectGuid: '', inheritObjectGuid: '', sid: 'WD' }] });
    expect(descriptor.dacl?.aces.map((ace) => ace.sid)).toEqual(['BU', 'LS']);
  });
});

describe('sddlProblem', () => {
  it('accepts what grants something, refuses what grants nothing, saying why', () => {
    expect(sddlProblem('D:(A;;GX;;;WD)')).toBeNull();
    expect(sddlProblem('D:(D;;GA;;;WD)(A;;;;;BU)')).toMatch(/grants nothing/);
    expect(sddlProblem('O:BAG:BA')).toMatch(/grants nothing/);
    expect(sddlProblem('D:garbage')).toMatch(/'garbage' is not a parenthesized ACE|flags/);
    expect(sddlProblem('D:(A;;GX;;;WD)&calc')).toMatch(/holds '&'/);
    expect(sddlProblem('D:(A;;GX;;;S-1-5-32-4294967296)')).toMatch(/not a 32-bit number/);
  });
});
