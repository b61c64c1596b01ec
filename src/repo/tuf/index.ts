export {
  initRepository,
  publishTargets,
  readTargetFile,
  resign,
  rotateKey,
  storedTargetPath,
  targetLocalPath,
} from './repository.ts';
export type { RepoInitOptions } from './repository.ts';
