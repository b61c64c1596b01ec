/** Publishing the built pack as a workflow artifact, through @actions/artifact. */
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { ExitCode, UplevelError } from '../core/errors.ts';

export interface ArtifactPublisher {
  upload(
    name: string,
    files: string[],
    rootDir: string,
    retentionDays: number | undefined,
  ): Promise<{ id: number; size: number }>;
}

export const actionsArtifacts: ArtifactPublisher = {
  async upload(name, files, rootDir, retentionDays) {
    try {
      const r = await new DefaultArtifactClient().uploadArtifact(
        name,
        files.map((f) => path.resolve(f)),
        rootDir,
        retentionDays === undefined ? {} : { retentionDays },
      );
      if (r.id === undefined) throw new Error('the artifact service returned no id');
      return { id: r.id, size: r.size ?? 0 };
    } catch (e) {
      if (e instanceof UplevelError) throw e;
      throw new UplevelError(
        ExitCode.unreachable,
        `artifact ${name}: upload failed: ${(e as Error).message.split('\n')[0]}`,
      );
    }
  },
};
