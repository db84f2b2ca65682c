// A seeded generator of a whole server snapshot, as `httpapi --snapshot DIR` reads it:
//   applicationHost.config  N sites, 2·N bindings, about 45% https (bench/generate-config.mjs)
//   sslcert.txt             `netsh http show sslcert` (Windows 10 layout, bench/netsh-text.mjs):
//                           an SNI mapping for 95% of the SNI bindings, an exact ip:port mapping
//                           for 95% of the specific-IP ones, one 0.0.0.0:PORT per wildcard port,
//                           a few orphans, a few naming a certificate that is not there
//   urlacl.txt              the reservations Windows ships plus some for sites
//   certs/MY, certs/WebHosting  1,000 real X.509 certificates (PEM) with NAME.key beside most
// Only the first `sharedNonSni` (default 50) host-named non-SNI bindings on *:443 stay so; the
// rest require SNI. Such bindings all share 0.0.0.0:443 (listed once, on the mapping, in the
// answer); `sharedNonSni: Infinity` keeps generate-config's 10% to measure sharing on its own.
// Certificates are built in JS (bench/x509.mjs) and signed with two RSA-2048 keys that are made
// once and kept in bench/.cache/keys (node:crypto key generation is not seedable; everything
// else is). Certificate k serves the sites whose id ≡ k+1 (mod 1,000): its SANs are their
// wildcards, so a certificate names N/1,000 sites, like the multi-SAN certificates hosters use.
// A few are expired, expire soon, lack a key or the server-auth EKU, or are self-signed, so the
// join's checks all run. Dates are fixed; measure with `asOf` = AsOf so findings are stable.
//
// Run: node bench/generate-server.mjs SITES [--shared] [DIR]   (default DIR: bench/.cache/server-SITES[-shared])
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApplicationHostConfig, random } from './generate-config.mjs';
import { sslcertText, urlaclText } from './netsh-text.mjs';
import { NameOid, makeCertificate } from './x509.mjs';

/** Bump when the output changes, so cached snapshots are made again. */
export const GeneratorVersion = 1;
export const AsOf = '2026-06-01T00:00:00.000Z';
export const CacheDir = fileURLToPath(new URL('./.cache/', import.meta.url));
const CertificateCount = 1000;
const IisAppId = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
const day = 86_400_000;

/**
 * The snapshot for `sites` sites, made if the cache lacks it (or holds an older version).
 * @returns {{ dir: string, manifest: Manifest }}
 */
export function ensureServer({ sites, seed = 1, sharedNonSni = 50, dir = path.join(CacheDir, `server-${sites}${sharedNonSni === Infinity ? '-shared' : ''}`) }) {
  const manifestFile = path.join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.version === GeneratorVersion && manifest.sites === sites && manifest.seed === seed && manifest.sharedNonSni === String(sharedNonSni)) return { dir, manifest };
  }
  rmSync(dir, { recursive: true, force: true });
  const manifest = generateServer({ sites, seed, sharedNonSni, dir });
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}

/**
 * @typedef {{ version: number, sites: number, seed: number, sharedNonSni: string, asOf: string, httpsBindings: number,
 *   declaredMappingsPresent: number, mappings: number, certificates: number, bytes: Record<string, number> }} Manifest
 * @returns {Manifest}
 */
export function generateServer({ sites, seed, sharedNonSni, dir }) {
  const next = random(seed * 7919 + 17);
  const { xml, httpsBindings } = generateApplicationHostConfig({ sites, seed, sharedNonSni });

  // Which names each certificate must carry.
  const names = Array.from({ length: CertificateCount }, () => new Set());
  for (const binding of httpsBindings) {
    const set = names[(binding.siteId - 1) % CertificateCount];
    set.add(`*.${binding.site}`);
    if (binding.host.startsWith('*.')) set.add(binding.host);
  }
  const certificates = makeCertificates(names, next);

  const ipMappings = new Map();
  const sniMappings = [];
  let declaredMappingsPresent = 0;
  const hashFor = (certificate) => (next() < 0.005 ? hex40(next) : certificate.thumbprint);
  const mapping = (kind, key, certificate) => ({ kind, key, hash: hashFor(certificate), appId: IisAppId, store: certificate.store });
  for (const binding of httpsBindings) {
    const certificate = certificates[(binding.siteId - 1) % CertificateCount];
    if (binding.sslFlags & 1) {
      if (binding.host && next() < 0.95) {
        sniMappings.push(mapping('hostnameport', `${binding.host}:${binding.port}`, certificate));
        declaredMappingsPresent++;
      }
      if (next() < 0.01) sniMappings.push(mapping('hostnameport', `old.${binding.site}:${binding.port}`, certificate));
      continue;
    }
    const wildcard = binding.address === '*' || binding.address === '';
    const key = `${wildcard ? '0.0.0.0' : binding.address}:${binding.port}`;
    if (!ipMappings.has(key) && (wildcard || next() < 0.95)) ipMappings.set(key, mapping('ipport', key, certificate));
    if (ipMappings.has(key)) declaredMappingsPresent++;
  }
  // http.sys lists IP mappings first, then SNI ones (the order of its configuration tables).
  const mappings = [...ipMappings.values(), ...sniMappings];

  const reservations = [
    { url: 'http://+:80/Temporary_Listen_Addresses/', users: ['\\Everyone'], sddl: 'D:(A;;GX;;;WD)' },
    { url: 'http://+:5985/wsman/', users: ['NT SERVICE\\WinRM'], sddl: 'D:(A;;GX;;;S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970)' },
    { url: 'http://+:47001/wsman/', users: ['NT SERVICE\\WinRM'], sddl: 'D:(A;;GX;;;S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970)' },
  ];
  for (let id = 1; id <= sites; id += 100) {
    reservations.push({ url: `http://site${String(id).padStart(5, '0')}.example.com:8080/`, users: ['HOSTING\\svc-sites'], sddl: 'D:(A;;GX;;;S-1-5-21-1004336348-1177238915-682003330-1012)' });
  }

  mkdirSync(path.join(dir, 'certs', 'MY'), { recursive: true });
  mkdirSync(path.join(dir, 'certs', 'WebHosting'), { recursive: true });
  const sslcert = sslcertText(mappings);
  writeFileSync(path.join(dir, 'applicationHost.config'), xml);
  writeFileSync(path.join(dir, 'sslcert.txt'), sslcert);
  writeFileSync(path.join(dir, 'urlacl.txt'), urlaclText(reservations));
  for (const certificate of certificates) {
    const base = path.join(dir, 'certs', certificate.store, certificate.name);
    writeFileSync(`${base}.pem`, certificate.pem);
    if (certificate.key) writeFileSync(`${base}.key`, certificate.key);
  }
  return {
    version: GeneratorVersion,
    sites,
    seed,
    sharedNonSni: String(sharedNonSni),
    asOf: AsOf,
    httpsBindings: httpsBindings.length,
    declaredMappingsPresent,
    mappings: mappings.length,
    certificates: certificates.length,
    bytes: { config: Buffer.byteLength(xml), sslcert: Buffer.byteLength(sslcert) },
  };
}

function makeCertificates(names, next) {
  const keys = signingKeys();
  const caName = [[NameOid.country, 'US'], [NameOid.organization, 'HttpApi Bench'], [NameOid.commonName, 'HttpApi Bench Issuing CA R1']];
  const asOf = Date.parse(AsOf);
  return names.map((set, k) => {
    const dnsNames = set.size > 0 ? [...set] : [`*.site${String(k + 1).padStart(5, '0')}.example.com`];
    const roll = next();
    const notAfter = new Date(roll < 0.02 ? asOf - 40 * day : roll < 0.05 ? asOf + 12 * day : asOf + 200 * day);
    const selfSigned = next() < 0.02;
    const subject = [[NameOid.country, 'US'], [NameOid.organization, 'Bench Hosting'], [NameOid.commonName, dnsNames[0].replace(/^\*\./, '')]];
    const made = makeCertificate({
      serial: Buffer.from(Array.from({ length: 16 }, () => Math.floor(next() * 256))),
      subject,
      issuer: selfSigned ? subject : caName,
      notBefore: new Date(notAfter.getTime() - 365 * day),
      notAfter,
      publicKey: keys.leafPublic,
      signingKey: selfSigned ? keys.leaf : keys.ca,
      dnsNames,
      serverAuth: next() >= 0.01,
    });
    return {
      ...made,
      name: `cert-${String(k + 1).padStart(4, '0')}`,
      store: next() < 0.75 ? 'MY' : 'WebHosting',
      key: next() < 0.97 ? keys.leafPem : null,
    };
  });
}

/** Two RSA-2048 keys (issuing CA, leaf), made on first use and kept in the cache. */
function signingKeys() {
  const keyDir = path.join(CacheDir, 'keys');
  const load = (name) => {
    const file = path.join(keyDir, `${name}.key`);
    if (!existsSync(file)) {
      mkdirSync(keyDir, { recursive: true });
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    }
    return readFileSync(file, 'utf8');
  };
  const caPem = load('ca');
  const leafPem = load('leaf');
  const leaf = createPrivateKey(leafPem);
  return { ca: createPrivateKey(caPem), leaf, leafPem, leafPublic: createPublicKey(leaf) };
}

function hex40(next) {
  let out = '';
  while (out.length < 40) out += Math.floor(next() * 16).toString(16);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const sites = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1000);
  const dir = args.find((arg) => !/^\d+$/.test(arg) && arg !== '--shared');
  const started = performance.now();
  const { dir: made, manifest } = ensureServer({ sites, ...(args.includes('--shared') ? { sharedNonSni: Infinity } : {}), ...(dir ? { dir: path.resolve(dir) } : {}) });
  console.log(`${made}: ${JSON.stringify(manifest)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
