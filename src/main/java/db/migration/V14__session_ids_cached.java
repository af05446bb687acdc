package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Dated sessions' ids handed out a thousand at a time on H2 (issue #13). H2 keeps an
 * identity's next value in its schema and writes it back, in a commit of its own, each
 * time the ids it holds in memory run out: 32 by default, so a year of 156,600 sessions
 * cost 4,900 schema commits, each writing every page changed since the last. A restart
 * after a crash skips at most the unused rest of a thousand, and ids were never gapless.
 * PostgreSQL is left as it is: its sequences are cheap to advance, and a cache there is
 * per connection, so ids would stop rising in the order sessions are made.
 */
public class V14__session_ids_cached extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		if ("H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
			try (Statement sql = context.getConnection().createStatement()) {
				sql.execute("alter table dated_session alter column id set cache 1000");
			}
		}
	}

}
