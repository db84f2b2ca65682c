import type { DscResource } from './dsc-resource.js';
import { httpsBindingResource } from './https-binding-resource.js';
import { sslCertMappingResource } from './ssl-cert-mapping-resource.js';
import { urlReservationResource } from './url-reservation-resource.js';

/** Every DSC resource HttpApi ships, in the order its manifests are listed. */
export const dscResources = [httpsBindingResource, sslCertMappingResource, urlReservationResource] as unknown as readonly DscResource[];
