import type { MethodName } from '../../src/protocol/index.js';

/**
 * Params that pass validation for each method (changes only plan: whatIf), so a test can
 * reach past -32602 to what the method itself answers. Keyed by MethodName so a new
 * method cannot be forgotten here.
 */
export const exampleParams: Record<MethodName, Record<string, unknown>> = {
  'server/info': {},
  'rpc.discover': {},
  'sites/list': {},
  'bindings/https': {},
  'bindings/add': { whatIf: true, site: 'Default Web Site', protocol: 'https', port: 443, host: 'www.contoso.com', sslFlags: 1 },
  'bindings/remove': { whatIf: true, site: 'Default Web Site', protocol: 'https', bindingInformation: '*:443:www.contoso.com' },
  'bindings/setCertificate': {
    whatIf: true,
    site: 'Default Web Site',
    bindingInformation: '*:443:www.contoso.com',
    certificateHash: '0123456789abcdef0123456789abcdef01234567',
  },
  'bindings/update': { whatIf: true, site: 'Default Web Site', bindingInformation: '*:443:www.contoso.com', host: 'www2.contoso.com' },
  'sslcert/list': {},
  'sslcert/add': {
    whatIf: true,
    kind: 'hostnameport',
    key: 'www.contoso.com:443',
    certificateHash: '0123456789abcdef0123456789abcdef01234567',
    appId: '{4dc3e181-e14b-4a21-b022-59fc669b0914}',
  },
  'sslcert/update': {
    whatIf: true,
    kind: 'ipport',
    key: '0.0.0.0:443',
    certificateHash: '0123456789abcdef0123456789abcdef01234567',
    appId: '4dc3e181-e14b-4a21-b022-59fc669b0914',
  },
  'sslcert/delete': { whatIf: true, kind: 'ipport', key: '0.0.0.0:443' },
  'urlacl/list': {},
  'urlacl/add': { whatIf: true, url: 'https://+:443/app/', users: [{ user: 'NT AUTHORITY\\NETWORK SERVICE', listen: true }] },
  'urlacl/update': { whatIf: true, url: 'https://+:443/app/', sddl: 'D:(A;;GX;;;BU)' },
  'urlacl/delete': { whatIf: true, url: 'https://+:443/app/' },
  'certificates/list': {},
  'certificates/replace': { whatIf: true, oldHash: '0123456789abcdef0123456789abcdef01234567', newHash: '89abcdef0123456789abcdef0123456789abcdef' },
  'changes/recover': {},
  'diagnostics/run': {},
  'snapshot/export': { directory: '/tmp/httpapi-never-written' },
};
