import os from 'node:os';
import path from 'node:path';

/** Where downloads and trusted metadata persist between runs. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.UPLEVEL_CACHE_DIR) return path.resolve(env.UPLEVEL_CACHE_DIR);
  const base = env.XDG_CACHE_HOME
    ? path.resolve(env.XDG_CACHE_HOME)
    : path.join(os.homedir(), '.cache');
  return path.join(base, 'uplevel');
}
