import type { Kysely } from 'kysely';
import type { ReportFileInfo } from '#app/domain/post-trip-report/post-trip-report-schema.ts';
import type { Database } from '#app/store/database-schema.ts';

/** The post-trip report file of each trip (one per trip; uploading again replaces it). */
export class ReportFileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores the file of a trip, replacing any earlier one. */
  async put(tripId: string, info: ReportFileInfo, content: Buffer, by: string, at: string): Promise<void> {
    await this.db.deleteFrom('trip_report_files').where('trip_id', '=', tripId).execute();
    await this.db
      .insertInto('trip_report_files')
      .values({ trip_id: tripId, name: info.name, media_type: info.mediaType, bytes: info.bytes, sha256: info.sha256, content_base64: content.toString('base64'), uploaded_at: at, uploaded_by: by })
      .execute();
  }

  /** The file of a trip and its content, or undefined. */
  async get(tripId: string): Promise<{ info: ReportFileInfo; content: Buffer } | undefined> {
    const row = await this.db.selectFrom('trip_report_files').selectAll().where('trip_id', '=', tripId).executeTakeFirst();
    if (!row) return undefined;
    return { info: { name: row.name, mediaType: row.media_type as ReportFileInfo['mediaType'], bytes: row.bytes, sha256: row.sha256 }, content: Buffer.from(row.content_base64, 'base64') };
  }
}
