import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import type { OutcomeTheme } from '#app/domain/outcomes/outcome-themes.ts';
import { jsonArray, outcomeDb, type OutcomeDb } from '#app/store/outcomes/outcome-db.ts';

/** The configurable theme list, stored in the database (seeded with the report's nine themes). */
export class OutcomeThemeRepository {
  private readonly db: OutcomeDb;

  constructor(
    db: Kysely<Database>,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.db = outcomeDb(db);
  }

  /** Every theme in list order. */
  async list(): Promise<OutcomeTheme[]> {
    const rows = await this.db.selectFrom('outcome_themes').selectAll().orderBy('position').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, zh: r.zh, en: r.en, keywords: jsonArray<string>(r.keywords) }));
  }

  /** One theme, or undefined. */
  async get(id: string): Promise<OutcomeTheme | undefined> {
    return (await this.list()).find((t) => t.id === id);
  }

  /** Adds a theme at the end of the list; false when the id is taken. */
  async create(theme: OutcomeTheme): Promise<boolean> {
    if (await this.get(theme.id)) return false;
    const last = await this.db.selectFrom('outcome_themes').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
    const at = this.now();
    await this.db
      .insertInto('outcome_themes')
      .values({ id: theme.id, position: Number(last?.p ?? -1) + 1, zh: theme.zh, en: theme.en, keywords: JSON.stringify(theme.keywords), created_at: at, updated_at: at })
      .execute();
    return true;
  }

  /** Changes a theme's labels or keywords; false when there is none. */
  async update(id: string, change: Partial<Omit<OutcomeTheme, 'id'>>): Promise<boolean> {
    const result = await this.db
      .updateTable('outcome_themes')
      .set({
        ...(change.zh !== undefined ? { zh: change.zh } : {}),
        ...(change.en !== undefined ? { en: change.en } : {}),
        ...(change.keywords !== undefined ? { keywords: JSON.stringify(change.keywords) } : {}),
        updated_at: this.now(),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** How many outcomes carry the theme. */
  async usage(id: string): Promise<number> {
    const row = await this.db.selectFrom('outcome_theme_links').select((eb) => eb.fn.countAll<number>().as('n')).where('theme_id', '=', id).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Deletes an unused theme; false when there is none. */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('outcome_themes').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
