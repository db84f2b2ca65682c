/**
 * The facts about the running Node that decide Windows paths, injectable so that every
 * decision can be tested off Windows: the platform, the process architecture and the
 * environment (SystemRoot, PROCESSOR_ARCHITEW6432, USERPROFILE...).
 */
export interface PlatformFacts {
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
}

export function currentPlatformFacts(): PlatformFacts {
  return { platform: process.platform, arch: process.arch, env: process.env };
}

/**
 * An environment variable the way Windows looks it up: names without case. A copied or
 * injected environment is a plain object, which would otherwise miss `Path` when asked for `PATH`.
 */
export function environmentValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (env[name] !== undefined) return env[name];
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(env)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
