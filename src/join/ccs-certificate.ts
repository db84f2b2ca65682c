import { ccsFileNamesForHost } from '../certs/ccs-file-for-host.js';
import { catalogued, type FindingCode } from '../finding-codes.js';
import { certificateFindings } from './certificate-findings.js';
import type { BindingRef, Finding, JoinCcsFile, JoinCertificate } from './join-model.js';

/**
 * The certificate the Central Certificate Store serves a CCS binding (sslFlags bit 2): the
 * file named after its host, else its parent domain's wildcard file (src/certs/ccs-file-for-host.ts),
 * with the certificate findings every served certificate gets. A binding without a host has
 * no file name to look for: IIS "infers what certificate to use by the SNI value or hostname"
 * (Microsoft Learn, "Planning Step 4: Plan SSL Central Certificate Store"), so each client's
 * SNI name picks its file; nothing is judged for it here (inferred: no source describes it).
 */
export function ccsCertificate<C extends JoinCertificate>(
  /** The store's provider switch (JoinCcsStore.enabled). */
  enabled: boolean | null,
  /** The file ccsFileForHost found for the binding's host (resolveHttpsBindings looks it up once per binding). */
  file: JoinCcsFile<C> | null,
  binding: BindingRef & { host: string; port: number },
  options: { now: Date; expiryDays: number; /** The ccs:<port> mapping exists (without it CCS_NOT_CONFIGURED is already raised). */ mappingExists: boolean },
): { certificate: C | null; file: string | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const mapping = `ccs:${binding.port}`;
  const add = (code: FindingCode, message: string, fix: string) => findings.push({ ...catalogued(code), message, fix, site: binding.site, binding: binding.bindingInformation, mapping });
  if (enabled === false && options.mappingExists) {
    add('CCS_NOT_CONFIGURED', 'The binding uses the Central Certificate Store (sslFlags bit 2), but the store is disabled in IIS\'s provider settings (HKLM\\SOFTWARE\\Microsoft\\IIS\\CentralCertProvider, Enabled): IIS serves no certificate from it.', 'Enable the Central Certificate Store (IIS Manager, Centralized Certificates, or Enable-WebCentralCertProvider), or give the binding a certificate of its own (clear sslFlags bit 2).');
  }
  if (!binding.host) return { certificate: null, file: null, findings };
  if (!file) {
    add('CCS_CERT_MISSING', `No file of the Central Certificate Store serves ${binding.host}: IIS looks for ${ccsFileNamesForHost(binding.host).join(', then ')}, and there is none, so clients fail the TLS handshake.`, `Put the certificate, with its private key, on the store as ${ccsFileNamesForHost(binding.host)[0]} (named after the host; _.domain.pfx for a wildcard certificate).`);
    return { certificate: null, file: null, findings };
  }
  if (!file.certificate) {
    findings.push({ ...catalogued('CERTIFICATE_INVALID'), message: `${file.name} serves ${binding.host} from the Central Certificate Store: present, certificate unreadable (${file.unreadable ?? 'unknown reason'}), so its expiry and names are not checked.`, fix: `Check ${file.name} on the store; if its password is the store's private-key password, give it to the worker in HTTPAPI_CCS_PASSWORD.`, site: binding.site, binding: binding.bindingInformation, mapping });
    return { certificate: null, file: file.name, findings };
  }
  findings.push(...certificateFindings(file.certificate, { site: binding.site, binding: binding.bindingInformation, mapping, host: binding.host, now: options.now, expiryDays: options.expiryDays }));
  return { certificate: file.certificate, file: file.name, findings };
}
