package db.migration;

import java.time.Instant;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iopscheduler.dose.StoredDoses;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills the stored weeks (V11) of a database that already has enrollments, by the same
 * recount the service keeps them with: a migration that copied the rule in SQL would be a
 * second definition of it. Counted at the real instant: a clock that says otherwise
 * (tests) finds rows counted at another moment and counts them again on reading.
 */
public class V12__weekly_dose_backfill extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		StoredDoses.recountAll(new SingleConnectionDataSource(context.getConnection(), true), Instant.now());
	}

}
