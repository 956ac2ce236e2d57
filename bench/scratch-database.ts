// A bench's own database on a PostgreSQL server, made fresh and dropped again by the owner `adminUrl`
// names (who needs CREATEDB, not superuser).
import pg from 'pg';

export function scratchDatabases(adminUrl: string) {
  async function run(sql: string): Promise<void> {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  }
  return {
    /** drops `name` if it is there, creates it empty and returns its URL */
    async fresh(name: string): Promise<string> {
      await run(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      await run(`create database ${pg.escapeIdentifier(name)}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    drop: (name: string) => run(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
  };
}
