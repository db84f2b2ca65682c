/**
 * The http.sys side of the two sample snapshots: which mapping points at which fixture
 * certificate, and the URL reservations. fixtures/demo-server/README.md explains the role
 * of each entry; keep the two in step.
 */
const iis = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
const iisExpress = '{214124cd-d05b-4309-9af9-9caa44b2b74a}';
const sstp = '{ba195980-cd49-458b-9e23-c84ee0adcd75}';

/** @param {(certName: string) => string} thumb lower-case SHA-1 of a fixture certificate */
export function demoMappings(thumb) {
  const ip = (key, certName, store, appId = iis) => ({ kind: 'ipport', key, certName, hash: thumb(certName), store, appId });
  const sni = (key, certName, store, appId = iis) => ({ kind: 'hostnameport', key, certName, hash: thumb(certName), store, appId });
  return [
    ip('0.0.0.0:443', 'wildcard-contoso', 'WebHosting'),
    ...[44300, 44301, 44302].map((port) => ip(`0.0.0.0:${port}`, 'iis-express-dev', 'MY', iisExpress)),
    ip('10.0.0.5:443', 'wildcard-contoso', 'WebHosting'),
    ip('10.0.0.9:443', 'www-contoso', '(null)'),
    ip('[::]:443', 'www-contoso', 'MY', sstp),
    ip('[2001:db8::5]:443', 'www-contoso', 'MY'),
    sni('www.contoso.com:443', 'www-contoso', 'MY'),
    sni('shop.fabrikam.com:443', 'expired', 'MY'),
    sni('api.contoso.com:443', 'expiring-soon', 'MY'),
    sni('billing.contoso.com:443', 'no-key', 'MY'),
    sni('partners.contoso.com:443', 'client-auth-only', 'MY'),
    sni('intranet.contoso.com:443', 'wrong-name', 'MY'),
    // The certificate of this mapping was deleted from the store: make-certs.mjs does not copy it into certs/.
    sni('mail.fabrikam.com:443', 'mail-fabrikam', 'MY'),
    sni('cdn.contoso.com:443', 'wildcard-contoso', 'WebHosting'),
    sni('old.contoso.com:443', 'wildcard-contoso', 'WebHosting'),
  ];
}

/** What the IIS Express installer leaves: its development certificate on 0.0.0.0:44300-44399. */
export function expressMappings(thumb) {
  return Array.from({ length: 100 }, (_, index) => ({
    kind: 'ipport', key: `0.0.0.0:${44300 + index}`, certName: 'iis-express-dev', hash: thumb('iis-express-dev'), store: 'MY', appId: iisExpress,
  }));
}

const everyone = { user: '\\Everyone', listen: true, delegate: false };
const temporaryListen = { url: 'http://+:80/Temporary_Listen_Addresses/', users: [everyone], sddl: 'D:(A;;GX;;;WD)' };
// As in corpus/netsh/urlacl-en-server-01.txt, written as the one logical line netsh prints.
const winRmSddl = 'D:(A;;GX;;;S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970)(A;;GX;;;S-1-5-80-4059739203-877974739-1245631912-527174227-2996563517)';
const winRmUsers = [
  { user: 'NT SERVICE\\WinRM', listen: true, delegate: false },
  { user: 'NT SERVICE\\Wecsvc', listen: true, delegate: false },
];

export const demoReservations = [
  temporaryListen,
  { url: 'http://+:5985/wsman/', users: winRmUsers, sddl: winRmSddl },
  { url: 'http://+:47001/wsman/', users: winRmUsers, sddl: winRmSddl },
  {
    url: 'http://reports.contoso.com:8081/',
    users: [{ user: 'CONTOSO\\svc-reports', listen: true, delegate: false }],
    sddl: 'D:(A;;GX;;;S-1-5-21-3623811015-3361044348-30300820-1105)',
  },
];

// The stock reservations of corpus/netsh/urlacl-en-win10-01.txt, plus one a developer added.
const usersAndLocalService = [
  { user: 'BUILTIN\\Users', listen: true, delegate: false },
  { user: 'NT AUTHORITY\\LOCAL SERVICE', listen: true, delegate: false },
];
export const expressReservations = [
  { url: 'http://*:5357/', users: usersAndLocalService, sddl: 'D:(A;;GX;;;BU)(A;;GX;;;LS)' },
  temporaryListen,
  { url: 'https://*:5358/', users: usersAndLocalService, sddl: 'D:(A;;GX;;;BU)(A;;GX;;;LS)' },
  { url: 'http://+:10247/apps/', users: [{ user: 'NT AUTHORITY\\Authenticated Users', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;AU)' },
  { url: 'http://devbox:52945/', users: [everyone], sddl: 'D:(A;;GX;;;WD)' },
];
