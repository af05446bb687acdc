package org.iopscheduler.people;

import java.util.List;

import org.iopscheduler.program.Population;

/**
 * Finding participants for the people page: by the start of a name or username, by
 * program, by population (age today) and by enrollment status, a page at a time with how
 * many match. Declared here and answered by the enrollment module, which owns enrollments
 * and knows what "today" is in each program's zone (people may not depend on it).
 */
public interface ParticipantSearch {

	/**
	 * Where a participant stands today (in the scope of the chosen program, if any). The
	 * three never overlap: every participant has exactly one.
	 */
	enum Status {

		/** An enrollment whose days include today in its program's zone. */
		ENROLLED,
		/** None running today, and one that has ended (discharged or past its end). */
		DISCHARGED,
		/** None running and none ended: never enrolled, or only from a later date. */
		NOT_ENROLLED

	}

	/**
	 * Every part optional. {@code text}: the start of a first name, last name or username
	 * (any case). {@code programId}: has an enrollment in that program.
	 */
	record Query(String text, Long programId, Population population, Status status) {

		public static Query everyone() {
			return new Query(null, null, null, null);
		}

		public boolean filtered() {
			return text != null || programId != null || population != null || status != null;
		}

	}

	record Match(long id, String fullName, String username) {
	}

	/** A page of matches, by full name then id, and how many match in all. */
	record Found(List<Match> participants, long total) {
	}

	Found find(Query query, int page, int size);

}
