package org.iopscheduler.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Some requests are refused by Tomcat before Spring sees them: a path with an encoded NUL
 * or an invalid escape, a malformed request line. Tomcat's own page for them is HTML
 * naming the server; this answers with the same problem JSON as everything else, and
 * names nothing.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String detail = status == 400 ? "the request line, path or headers are malformed"
				: known != null ? known.getReasonPhrase() : "the request was refused";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(Problems.json(known != null ? known.getReasonPhrase() : "Error", status, detail, null));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ignored) {
			// the client is gone or the response is already on its way: nothing more to
			// say
		}
	}

}
