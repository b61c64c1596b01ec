/** Paths that are a file on one side and a folder on the other (a pack cannot hold both). */

export interface ShapeClash {
  /** The path on the first side. */
  path: string;
  /** `folder`: the other side has a folder at `at`; `file`: a file at `at` (an ancestor of path, or path). */
  other: 'file' | 'folder';
  at: string;
}

const ancestors = (p: string): string[] => {
  const parts = p.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
};

/**
 * The first path of `paths` (in order) that `others` holds in the other shape: a folder where
 * it is a file, or a file where it (or a folder above it) is a folder.
 */
export function shapeClash(
  paths: Iterable<string>,
  others: Iterable<string>,
): ShapeClash | undefined {
  const files = new Set(others);
  const folders = new Set([...files].flatMap(ancestors));
  for (const p of paths) {
    if (folders.has(p)) return { path: p, other: 'folder', at: p };
    const above = ancestors(p).find((a) => files.has(a));
    if (above !== undefined) return { path: p, other: 'file', at: above };
  }
  return undefined;
}
