export {
  delegateRepository,
  initRepository,
  publishTargets,
  readTargetFile,
  resign,
  rotateDelegatedKey,
  rotateKey,
  refreshRepository,
  storedTargetPath,
  targetLocalPath,
  targetPaths,
} from './repository.ts';
export { DEFAULT_EXPIRIES } from './repository.ts';
export type { Expiries, RepoInitOptions } from './repository.ts';
