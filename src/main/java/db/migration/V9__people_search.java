package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Finding people by the start of a first name, last name or username (the people page's
 * search box), as short ranges of indexes instead of a scan of 20,000 accounts: each key
 * in lower case in a column of its own, computed by the database from the name. On
 * PostgreSQL the indexes use varchar_pattern_ops, which a prefix LIKE can use whatever
 * the database's collation (a plain index serves LIKE only under the C collation); H2 has
 * no operator classes and uses its plain index for a prefix LIKE. A Java migration only
 * to say that one word per database; the SQL is the same on both.
 */
public class V9__people_search extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		boolean postgres = "PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName());
		String ops = postgres ? " varchar_pattern_ops" : "";
		// computed by the database itself, so every way an account is written (the
		// service,
		// a data load, a script) keeps its keys right; PostgreSQL stores them, H2 always
		// does
		String stored = postgres ? " stored" : "";
		try (Statement sql = context.getConnection().createStatement()) {
			sql.execute("alter table account add column name_key varchar(200) generated always as (lower(full_name))"
					+ stored);
			// the last word of the name: "Dana Whitfield" is found by "whit"
			sql.execute("alter table account add column surname_key varchar(200) generated always as "
					+ "(regexp_replace(lower(full_name), '^.*\\s', ''))" + stored);
			sql.execute("alter table account add column username_key varchar(100) generated always as (lower(username))"
					+ stored);
			for (String column : new String[] { "name_key", "surname_key", "username_key" }) {
				sql.execute("create index ix_account_" + column + " on account (role, " + column + ops + ")");
			}
		}
	}

}
