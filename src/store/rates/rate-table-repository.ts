import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PerDiemRate } from '#app/domain/per-diem/rate-table.ts';
import type { Database } from '#app/store/database-schema.ts';

/** One uploaded version of the rate table. */
export interface RateTableVersion {
  id: string;
  name: string;
  uploadedAt: string;
  uploadedBy: string;
  sample: boolean;
  rowCount: number;
}

/** Versions of the per-diem rate table; the newest upload is in force, older ones are kept. */
export class RateTableRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new version from its CSV and parsed rows; it becomes the table in force. */
  async replace(name: string, csv: string, rates: readonly PerDiemRate[], sample: boolean, by: string, at: string): Promise<RateTableVersion> {
    const id = randomUUID();
    await this.db.insertInto('per_diem_rate_tables').values({ id, name, uploaded_at: at, uploaded_by: by, is_sample: sample ? 1 : 0, row_count: rates.length, csv }).execute();
    // Chunks keep each insert below SQLite's bound-parameter limit.
    for (let i = 0; i < rates.length; i += 500) {
      const chunk = rates.slice(i, i + 500).map((r, j) => ({ table_id: id, position: i + j, country_code: r.countryCode, city: r.city, usd_per_day: r.usdPerDay, effective_from: r.effectiveFrom }));
      await this.db.insertInto('per_diem_rates').values(chunk).execute();
    }
    return { id, name, uploadedAt: at, uploadedBy: by, sample, rowCount: rates.length };
  }

  /** Every version, newest first. */
  async versions(): Promise<RateTableVersion[]> {
    const rows = await this.db.selectFrom('per_diem_rate_tables').select(['id', 'name', 'uploaded_at', 'uploaded_by', 'is_sample', 'row_count']).orderBy('uploaded_at', 'desc').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, uploadedAt: r.uploaded_at, uploadedBy: r.uploaded_by, sample: r.is_sample === 1, rowCount: r.row_count }));
  }

  /** The version in force and its rates, or undefined when none was uploaded. */
  async current(): Promise<{ version: RateTableVersion; rates: PerDiemRate[] } | undefined> {
    const [version] = await this.versions();
    if (!version) return undefined;
    const rows = await this.db.selectFrom('per_diem_rates').selectAll().where('table_id', '=', version.id).orderBy('position').execute();
    return { version, rates: rows.map((r) => ({ countryCode: r.country_code, city: r.city, usdPerDay: r.usd_per_day, effectiveFrom: r.effective_from })) };
  }

  /** The CSV of one version as uploaded. */
  async csv(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('per_diem_rate_tables').select('csv').where('id', '=', id).executeTakeFirst())?.csv;
  }
}
