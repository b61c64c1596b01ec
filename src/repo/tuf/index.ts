export {
  initRepository,
  publishTargets,
  readTargetFile,
  resign,
  storedTargetPath,
} from './repository.ts';
export type { RepoInitOptions } from './repository.ts';
