/** What a zip's central directory says about one entry: shared by the reader and the writer. */
export interface EntryMeta {
  /** The name as stored ('top/dir/' for folders). */
  name: string;
  /** 0 stored or 8 deflated. */
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Unix mode (type and permission bits); the writer takes bare permission bits as a file. */
  mode: number;
  dosDate: number;
  dosTime: number;
}
