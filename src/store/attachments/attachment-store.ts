import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { MEDIA_TYPES, safeFileName, sniffAttachmentType, type AttachmentType } from '#app/domain/attachments/sniff-media-type.ts';

/** Largest attachment accepted (a post-trip report PDF with photos is a few MB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** A stored file's description. */
export interface Attachment {
  id: string;
  sha256: string;
  size: number;
  kind: AttachmentType;
  mediaType: string;
  fileName: string;
  createdAt: string;
  createdBy: string | null;
}

/** Why a file was not stored; nothing was written. */
export class AttachmentRejectedError extends Error {
  override name = 'AttachmentRejectedError';
  constructor(
    readonly code: 'empty' | 'too-large' | 'type-not-allowed',
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

interface AttachmentsTable {
  id: string;
  sha256: string;
  size: number;
  kind: string;
  media_type: string;
  file_name: string;
  stored_name: string;
  created_at: string;
  created_by: string | null;
}

type Db = Kysely<{ attachments: AttachmentsTable }>;

/**
 * Keeps attached files on disk under generated names (never the uploader's name, so no path
 * traversal) with their checksum, size and content-sniffed type in the database.
 */
export class AttachmentStore {
  private readonly db: Db;
  constructor(
    db: Kysely<unknown>,
    private readonly directory: string,
    private readonly allowed: readonly AttachmentType[] = ['pdf', 'odt', 'ods', 'docx', 'xlsx', 'png', 'jpeg'],
  ) {
    this.db = db as unknown as Db;
  }

  /** Checks and stores a file; the type comes from its content, the name only for display. */
  async put(bytes: Uint8Array, fileName: string, createdBy: string | null): Promise<Attachment> {
    if (bytes.byteLength === 0) throw new AttachmentRejectedError('empty', 'The file is empty', '檔案是空的');
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
      throw new AttachmentRejectedError('too-large', `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_ATTACHMENT_BYTES / 1048576} MB`, `檔案超過 ${MAX_ATTACHMENT_BYTES / 1048576} MB 上限`);
    }
    const kind = sniffAttachmentType(bytes);
    if (!kind || !this.allowed.includes(kind)) {
      throw new AttachmentRejectedError('type-not-allowed', `The file's content is not one of: ${this.allowed.join(', ')}`, `檔案內容不是允許的格式：${this.allowed.join('、')}`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const id = randomUUID();
    const storedName = `${sha256.slice(0, 2)}/${id}`;
    const path = join(this.directory, storedName);
    await mkdir(join(this.directory, sha256.slice(0, 2)), { recursive: true });
    // Write to a temporary name and rename, so a crash never leaves a half file under a real name.
    await writeFile(`${path}.partial`, bytes, { flag: 'wx' });
    await rename(`${path}.partial`, path);
    const row: AttachmentsTable = {
      id,
      sha256,
      size: bytes.byteLength,
      kind,
      media_type: MEDIA_TYPES[kind],
      file_name: safeFileName(fileName, kind),
      stored_name: storedName,
      created_at: new Date().toISOString(),
      created_by: createdBy,
    };
    try {
      await this.db.insertInto('attachments').values(row).execute();
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return toAttachment(row);
  }

  /** A file's description, or undefined. */
  async describe(id: string): Promise<Attachment | undefined> {
    const row = await this.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAttachment(row) : undefined;
  }

  /** A file's description and bytes, checked against the stored checksum. */
  async read(id: string): Promise<{ attachment: Attachment; bytes: Buffer } | undefined> {
    const row = await this.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const bytes = await readFile(join(this.directory, row.stored_name));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== row.sha256) throw new Error(`attachment ${id} on disk does not match its checksum; restore it from a backup`);
    return { attachment: toAttachment(row), bytes };
  }
}

function toAttachment(row: AttachmentsTable): Attachment {
  return {
    id: row.id,
    sha256: row.sha256,
    size: Number(row.size),
    kind: row.kind as AttachmentType,
    mediaType: row.media_type,
    fileName: row.file_name,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
