import packageJson from '../package.json' with { type: 'json' };

/** One version for the CLI, server/info and OpenRPC; the bundle inlines package.json's. */
export const version: string = packageJson.version;
