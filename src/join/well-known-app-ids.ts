/**
 * Application ids of http.sys mappings (docs/netsh.md §5). IIS's own mappings are
 * expected to belong to a binding; the others belong to other software and are never
 * reported as orphans.
 */
export const IisAppId = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
export const IisExpressAppId = '{214124cd-d05b-4309-9af9-9caa44b2b74a}';

// One row per known application: the short name a mapping list shows, and the longer one
// findings and refusals use.
const KnownApps: readonly { appId: string; owner: string; description: string }[] = [
  { appId: IisExpressAppId, owner: 'IIS Express', description: 'IIS Express development certificate' },
  { appId: '{5d89a20c-beab-4389-9447-324788eb944a}', owner: 'AD FS', description: 'AD FS' },
  { appId: '{ba195980-cd49-458b-9e23-c84ee0adcd75}', owner: 'SSTP', description: 'RRAS SSTP VPN' },
  { appId: '{afebb9ad-9b97-4a91-9ab5-daf4d59122f6}', owner: 'WinRM', description: 'WinRM HTTPS listener' },
  { appId: '{4c3e21ba-7bef-46c8-bc85-a4407db6f596}', owner: 'Lithnet Access Manager', description: 'Lithnet Access Manager' },
];

export const OtherOwners: ReadonlyMap<string, string> = new Map(KnownApps.map((app) => [app.appId, app.description]));

/** The short owner names of the mapping list's Owner column. */
export const MappingOwners: ReadonlyMap<string, string> = new Map(KnownApps.map((app) => [app.appId, app.owner]));

/** The ports the IIS Express installer maps for non-admin HTTPS (0.0.0.0:44300-44399). */
export const IisExpressSslPorts = { first: 44300, last: 44399 } as const;
