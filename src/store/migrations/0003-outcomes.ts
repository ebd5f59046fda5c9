import { sql, type Kysely } from 'kysely';
import { DEFAULT_OUTCOME_THEMES } from '#app/domain/outcomes/outcome-themes.ts';

/**
 * Outcome records (type, status, themes, counterparties), their follow-ups with evidence,
 * the configurable theme list, the partner registry and agreements.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  const outcomeColumns: [string, 'text' | 'integer', (c: any) => any][] = [
    ['type', 'text', (c) => c],
    ['type_state', 'text', (c) => c],
    ['type_rule', 'text', (c) => c],
    ['status', 'text', (c) => c.notNull().defaultTo('claimed')],
    ['agency', 'text', (c) => c],
    ['proposed_at', 'text', (c) => c],
    ['updated_at', 'text', (c) => c],
    ['version', 'integer', (c) => c.notNull().defaultTo(1)],
  ];
  for (const [name, type, build] of outcomeColumns) await db.schema.alterTable('trip_outcomes').addColumn(name, type, build).execute();
  await db.schema.createIndex('trip_outcomes_type_idx').on('trip_outcomes').columns(['type', 'status']).execute();

  await db.schema
    .createTable('outcome_themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('zh', 'text', (c) => c.notNull())
    .addColumn('en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const at = new Date().toISOString();
  await (db as Kysely<{ outcome_themes: Record<string, unknown> }>)
    .insertInto('outcome_themes')
    .values(DEFAULT_OUTCOME_THEMES.map((t, position) => ({ id: t.id, position, zh: t.zh, en: t.en, keywords: JSON.stringify(t.keywords), created_at: at, updated_at: at })))
    .execute();

  await db.schema
    .createTable('outcome_theme_links')
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('trip_outcomes.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('outcome_themes.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outcome_theme_links_pk', ['outcome_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('outcome_theme_links_theme_idx').on('outcome_theme_links').column('theme_id').execute();

  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('country_code', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('confirmed'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('partners_kind_name_key_uq', ['kind', 'name_key'])
    .execute();

  await db.schema
    .createTable('outcome_partners')
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('trip_outcomes.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('matched', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('outcome_partners_pk', ['outcome_id', 'partner_id'])
    .execute();
  await db.schema.createIndex('outcome_partners_partner_idx').on('outcome_partners').column('partner_id').execute();

  await db.schema
    .createTable('outcome_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('trip_outcomes.id').onDelete('cascade'))
    .addColumn('occurred_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('written', 'text')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('outcome_follow_ups_outcome_idx').on('outcome_follow_ups').column('outcome_id').execute();

  await db.schema
    .createTable('follow_up_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('follow_up_id', 'text', (c) => c.notNull().references('outcome_follow_ups.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_up_files_follow_up_idx').on('follow_up_files').column('follow_up_id').execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('review_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('outcome_id', 'text', (c) => c.references('trip_outcomes.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agreement_parties')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'partner_id'])
    .execute();
  await db.schema.createIndex('agreement_parties_partner_idx').on('agreement_parties').column('partner_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['agreement_parties', 'agreements', 'follow_up_files', 'outcome_follow_ups', 'outcome_partners', 'partners', 'outcome_theme_links', 'outcome_themes']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropIndex('trip_outcomes_type_idx').execute();
  for (const c of ['type', 'type_state', 'type_rule', 'status', 'agency', 'proposed_at', 'updated_at', 'version']) {
    await sql`alter table trip_outcomes drop column ${sql.ref(c)}`.execute(db);
  }
}
