export {
  initRepository,
  publishTargets,
  readTargetFile,
  resign,
  rotateKey,
  storedTargetPath,
} from './repository.ts';
export type { RepoInitOptions } from './repository.ts';
