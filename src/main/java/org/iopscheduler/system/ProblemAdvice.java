package org.iopscheduler.system;

import java.util.stream.Collectors;

import lombok.extern.slf4j.Slf4j;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error shape: every refusal becomes RFC 9457 problem JSON whose detail names the
 * field and the rule. Nothing reaches the client as a bare 500 with a stack trace.
 */
@Slf4j
// for every handler, and for requests no handler takes (405, 406, unknown path): all
// answer in one shape
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	/**
	 * The refusal's rule, field and numbers go out as extension members beside the
	 * detail, so a client can act on them without parsing the sentence.
	 */
	@ExceptionHandler(DomainException.class)
	ProblemDetail domain(DomainException e) {
		ProblemDetail problem = problem(status(e.kind()), e.title(), e.getMessage());
		Refusal refusal = e.refusal();
		problem.setProperty("rule", refusal.rule());
		if (refusal.field() != null) {
			problem.setProperty("field", refusal.field());
		}
		if (!refusal.facts().isEmpty()) {
			problem.setProperty("facts", refusal.facts());
		}
		return problem;
	}

	/** The one place a kind of refusal becomes an HTTP status. */
	static HttpStatus status(DomainException.Kind kind) {
		return switch (kind) {
			case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
		};
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		Class<?> type = e.getRequiredType();
		Object value = e.getValue();
		if (type != null && java.util.Collection.class.isAssignableFrom(type)) {
			// a list such as status=UNDER_DOSED,LATE: name the item that is wrong, and
			// what
			// an item must be
			type = e.getParameter().nested().getNestedParameterType();
			for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof ConversionFailedException failed && failed.getValue() != null) {
					value = failed.getValue();
				}
			}
		}
		String expected = type == null ? "another type" : describe(type);
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getName() + ": '" + value + "' is not " + expected);
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
	ProblemDetail concurrentEdit(RuntimeException e) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"someone else changed this record at the same moment; reload and try again");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException e) {
		log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
		return problem(HttpStatus.CONFLICT, "Conflict", ConstraintMessages.describe(e));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "your role may not do this");
	}

	@ExceptionHandler(InvalidPropertyException.class)
	ProblemDetail unknownField(InvalidPropertyException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", beyondForm(e));
	}

	static String beyondForm(InvalidPropertyException e) {
		return e.getPropertyName() + ": the form has no such field or row";
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected failure", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"the service failed unexpectedly; nothing was changed");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemAdvice::describe)
			.sorted()
			.collect(Collectors.joining("; "));
		if (detail.isEmpty()) {
			detail = e.getBindingResult().getAllErrors().get(0).getDefaultMessage();
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input", detail));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = e.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(err -> r.getMethodParameter().getParameterName() + ": " + err.getDefaultMessage()))
			.collect(Collectors.joining("; "));
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input", detail));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Invalid input", unreadable(jacksonCause(e))));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		// Spring's own refusals (405, 415, missing parameter...) keep their status, in
		// our shape
		if (body instanceof ProblemDetail detail && detail.getDetail() == null) {
			detail.setDetail(HttpStatus.valueOf(status.value()).getReasonPhrase());
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	/**
	 * The Jackson failure knows the field's path; the root cause (e.g. a
	 * DateTimeParseException) does not.
	 */
	private static Throwable jacksonCause(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException) {
				return cause;
			}
		}
		return e;
	}

	private static String unreadable(Throwable cause) {
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = databind.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			if (cause instanceof InvalidFormatException invalid) {
				return field + ": '" + invalid.getValue() + "' is not " + describe(invalid.getTargetType());
			}
			if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
				return field + ": must be " + describe(mismatched.getTargetType());
			}
			return field + ": has a value that cannot be read";
		}
		if (cause instanceof JacksonException) {
			return "the request body is not well-formed JSON";
		}
		return "the request body is missing or not readable as JSON";
	}

	private static String describe(FieldError error) {
		if (error.contains(org.springframework.beans.TypeMismatchException.class)) {
			return error.getField() + ": '" + error.getRejectedValue() + "' has the wrong type";
		}
		return error.getField() + ": " + error.getDefaultMessage();
	}

	private static String describe(Class<?> type) {
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.stream(type.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		return switch (type.getSimpleName()) {
			case "LocalTime" -> "a time of day as HH:mm (00:00 to 23:59)";
			case "LocalDate" -> AcceptedDates.DESCRIPTION;
			case "Integer", "int", "Long", "long" -> "a whole number";
			case "Boolean", "boolean" -> "true or false";
			case "String" -> "a text";
			case "List", "Set" -> "a list";
			case "IsoWeek" -> AcceptedDates.WEEK_DESCRIPTION;
			case "IfMatch" -> IfMatch.DESCRIPTION;
			case "Instant" -> "an instant as ISO-8601 with offset from " + AcceptedDates.FIRST + " to "
					+ AcceptedDates.LAST + ", e.g. 2026-11-02T18:00:00Z (encode + as %2B)";
			default -> "a valid " + type.getSimpleName();
		};
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
