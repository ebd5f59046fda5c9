import { sql, type Kysely } from 'kysely';

/**
 * For each table, the tables its foreign keys point to, so rows can be restored parents first.
 * SQLite and PostgreSQL keep this in different catalogues; this is the one place that knows both.
 */
export async function tableDependencies(db: Kysely<unknown>, kind: 'sqlite' | 'postgres', tables: readonly string[]): Promise<Map<string, Set<string>>> {
  const deps = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  if (kind === 'sqlite') {
    for (const table of tables) {
      const rows = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
      for (const r of rows.rows) if (r.table !== table) deps.get(table)?.add(r.table);
    }
  } else {
    const rows = await sql<{ child: string; parent: string }>`
      select tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
    for (const r of rows.rows) if (r.child !== r.parent) deps.get(r.child)?.add(r.parent);
  }
  return deps;
}

/** Tables ordered so that every table comes after the tables it references. */
export function parentsFirst(deps: Map<string, Set<string>>): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (table: string) => {
    if (done.has(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const parent of [...(deps.get(table) ?? [])].sort()) if (deps.has(parent)) visit(parent);
    visiting.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const table of [...deps.keys()].sort()) visit(table);
  return ordered;
}

/** After rows were inserted with explicit ids, moves PostgreSQL identity/serial sequences past them. */
export async function resetSequences(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind !== 'postgres') return;
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(db);
  for (const c of columns.rows) {
    await sql`select setval(pg_get_serial_sequence(${c.table_name}, ${c.column_name}), coalesce((select max(${sql.ref(c.column_name)}) from ${sql.table(c.table_name)}), 0) + 1, false)`.execute(db);
  }
}
