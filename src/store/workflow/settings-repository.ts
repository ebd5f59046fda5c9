import type { Kysely } from 'kysely';
import { DEFAULT_WORKFLOW_SETTINGS, workflowSettings, type WorkflowSettings } from '#app/domain/workflow/workflow-settings.ts';
import type { Database } from '#app/store/database-schema.ts';

const KEY = 'workflow';

/** The workflow settings row: defaults until the secretariat changes them. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The settings in force and their version (0 = the defaults, never saved). */
  async get(): Promise<{ settings: WorkflowSettings; version: number }> {
    const row = await this.db.selectFrom('settings').selectAll().where('key', '=', KEY).executeTakeFirst();
    if (!row) return { settings: DEFAULT_WORKFLOW_SETTINGS, version: 0 };
    // A setting added after the row was saved takes its default.
    const stored = JSON.parse(row.value) as Partial<WorkflowSettings>;
    const merged = workflowSettings.safeParse({ ...DEFAULT_WORKFLOW_SETTINGS, ...stored });
    return { settings: merged.success ? merged.data : DEFAULT_WORKFLOW_SETTINGS, version: row.version };
  }

  /** Saves new settings if `version` is current; false on a stale version. */
  async put(settings: WorkflowSettings, version: number, at: string): Promise<boolean> {
    if (version === 0) {
      const existing = await this.db.selectFrom('settings').select('key').where('key', '=', KEY).executeTakeFirst();
      if (existing) return false;
      await this.db.insertInto('settings').values({ key: KEY, value: JSON.stringify(settings), updated_at: at, version: 1 }).execute();
      return true;
    }
    const result = await this.db
      .updateTable('settings')
      .set({ value: JSON.stringify(settings), updated_at: at, version: version + 1 })
      .where('key', '=', KEY)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
