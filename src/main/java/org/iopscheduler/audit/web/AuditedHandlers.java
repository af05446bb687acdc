package org.iopscheduler.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import tools.jackson.databind.json.JsonMapper;

import org.iopscheduler.audit.Access;
import org.iopscheduler.audit.Actor;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.audit.ParticipantAccounts;
import org.iopscheduler.system.RaceLost;
import org.springframework.aop.Pointcut;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one audit mechanism, for API and pages: every {@link Audited} handler runs in one
 * transaction that its service calls join. A change's audit lines are written in that
 * transaction before it commits, so a change and its lines commit together or not at all.
 * A read (a GET of a read action) runs in a read-only transaction, which costs no commit,
 * and its lines are then stored with other requests' in one commit
 * ({@link ReadLinesGroupCommit}) before anything is sent. A line that cannot be written
 * rolls its change back and the caller gets a 503 problem (pages: the error page), never
 * a success.
 * <p>
 * An advisor of the infrastructure role: the auto-proxy creator that applies
 * {@code @Transactional} applies it too, so no AspectJ is needed. Handlers are proxied by
 * class, package-private methods included.
 */
@Component
@org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class AuditedHandlers extends AbstractPointcutAdvisor implements MethodInterceptor {

	/**
	 * A first mark raced by another request's: the whole request again, at most so often.
	 */
	private static final int ATTEMPTS = 3;

	private static final String LINES = AuditedHandlers.class.getName() + ".lines";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

	private static final TransactionDefinition READ_WRITE = new DefaultTransactionDefinition();

	private static final TransactionDefinition READ_ONLY = readOnly();

	private final transient ObjectProvider<PlatformTransactionManager> transactions;

	private final transient ObjectProvider<AuditLog> auditLog;

	private final transient ObjectProvider<JsonMapper> json;

	private final transient ObjectProvider<ParticipantAccounts> participantAccounts;

	private final transient ObjectProvider<ReadLinesGroupCommit> readLines;

	AuditedHandlers(ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<AuditLog> auditLog,
			ObjectProvider<JsonMapper> json, ObjectProvider<ParticipantAccounts> participantAccounts,
			ObjectProvider<ReadLinesGroupCommit> readLines) {
		this.transactions = transactions;
		this.auditLog = auditLog;
		this.json = json;
		this.participantAccounts = participantAccounts;
		this.readLines = readLines;
	}

	@Override
	public Pointcut getPointcut() {
		return AnnotationMatchingPointcut.forMethodAnnotation(Audited.class);
	}

	@Override
	public org.aopalliance.aop.Advice getAdvice() {
		return this;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Audited audited = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Audited.class);
		PlatformTransactionManager manager = transactions.getIfAvailable();
		AuditLog log = auditLog.getIfAvailable();
		HttpServletRequest request = currentRequest();
		ReadLinesGroupCommit reads = readLines.getIfAvailable();
		if (audited == null || manager == null || log == null || request == null || reads == null) {
			// a web slice test: nothing to audit with
			return invocation.proceed();
		}
		boolean read = !audited.value().isChange() && SAFE_METHODS.contains(request.getMethod());
		for (int attempt = 1;; attempt++) {
			MethodInvocation run = attempt == 1 ? invocation
					: ((ProxyMethodInvocation) invocation).invocableClone(invocation.getArguments());
			List<Line> lines = new ArrayList<>();
			request.setAttribute(LINES, lines);
			TransactionStatus tx = manager.getTransaction(read ? READ_ONLY : READ_WRITE);
			try {
				Object answer = run.proceed();
				if (tx.isRollbackOnly()) {
					// a refusal the handler answered itself (a page showing its form
					// again):
					// nothing is saved, but what the page shows is still a read
					manager.rollback(tx);
					reads.store(lines.stream().filter(line -> !line.access().action().isChange()).toList());
					return answer;
				}
				if (successful(answer)) {
					lines.addAll(linesOf(audited, request, answer));
				}
				if (read) {
					// nothing to commit but the lines; sessions made on first look
					// committed in their own transaction (SessionMaker)
					manager.commit(tx);
					reads.store(lines);
					return answer;
				}
				write(log, lines);
				manager.commit(tx);
				return answer;
			}
			catch (RaceLost raced) {
				rollBack(manager, tx);
				if (attempt == ATTEMPTS) {
					throw raced.getCause();
				}
			}
			catch (Throwable failure) {
				rollBack(manager, tx);
				throw failure;
			}
			finally {
				request.removeAttribute(LINES);
			}
		}
	}

	/**
	 * For PageAudit: a line of the page being built, written with the handler's work.
	 * Outside an {@link Audited} handler there is nowhere to write it, which is a
	 * programming error.
	 */
	@SuppressWarnings("unchecked")
	static void collect(HttpServletRequest request, Line line) {
		Object lines = request.getAttribute(LINES);
		if (lines == null) {
			throw new IllegalStateException("a page named participants outside an @Audited handler: "
					+ request.getMethod() + " " + request.getRequestURI());
		}
		((List<Line>) lines).add(line);
	}

	/** One audit line to write: {@code participantIds} null for one naming nobody. */
	record Line(Access access, Set<Long> participantIds) {
	}

	private static void write(AuditLog log, List<Line> lines) {
		for (Line line : lines) {
			try {
				if (line.participantIds() == null) {
					log.recordWithoutParticipant(line.access());
				}
				else if (!line.participantIds().isEmpty()) {
					log.record(line.access(), line.participantIds());
				}
			}
			catch (DataAccessException e) {
				throw new AuditUnavailable(line.access().action().isChange());
			}
		}
	}

	private static TransactionDefinition readOnly() {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setReadOnly(true);
		return definition;
	}

	private static void rollBack(PlatformTransactionManager manager, TransactionStatus tx) {
		if (!tx.isCompleted()) {
			manager.rollback(tx);
		}
	}

	/**
	 * A page answers a change with a redirect (post/redirect/get): a form shown again,
	 * with its errors, saved nothing.
	 */
	private static boolean successful(Object answer) {
		if (answer instanceof ResponseEntity<?> entity) {
			return entity.getStatusCode().is2xxSuccessful();
		}
		return !(answer instanceof String view) || view.startsWith("redirect:");
	}

	private List<Line> linesOf(Audited audited, HttpServletRequest request, Object answer) {
		Actor me = signedIn();
		if (me == null || audited.whose() == Whose.PAGE) {
			return List.of();
		}
		Access access = access(me, audited.value(), request);
		Object body = answer instanceof ResponseEntity<?> entity ? entity.getBody() : answer;
		return switch (audited.whose()) {
			case MANY -> List.of(new Line(access, null));
			case CALLER -> me.participant() ? List.of(new Line(access, Set.of(me.id()))) : List.of();
			case CALLER_ACCOUNT -> List.of(accountLine(access, me.participant() ? me.id() : null));
			case PATH_ACCOUNT -> {
				long account = Long.parseLong(pathVariable(request, "id"));
				yield List
					.of(accountLine(access, participantAccounts.getObject().isParticipant(account) ? account : null));
			}
			default -> List.of(new Line(access, participants(audited.whose(), request, body)));
		};
	}

	/** The one line about an account: naming its participant, or nobody for staff. */
	private static Line accountLine(Access access, Long participant) {
		return new Line(access, participant == null ? null : Set.of(participant));
	}

	static Access access(Actor me, AuditAction action, HttpServletRequest request) {
		String query = request.getQueryString();
		return Access.by(me, action, request.getMethod(), request.getRequestURI() + (query != null ? "?" + query : ""));
	}

	private Set<Long> participants(Whose whose, HttpServletRequest request, Object body) {
		return switch (whose) {
			case PATH_PARTICIPANT_ID -> Set.of(Long.parseLong(pathVariable(request, "participantId")));
			case PATH_ID -> Set.of(Long.parseLong(pathVariable(request, "id")));
			case IN_ANSWER -> body == null ? Set.of() : ParticipantsInBody.named(json.getObject().valueToTree(body));
			case ANSWER_IDS -> body == null ? Set.of() : ParticipantsInBody.ids(json.getObject().valueToTree(body));
			case CALLER, MANY, PAGE, CALLER_ACCOUNT, PATH_ACCOUNT -> Set.of();
		};
	}

	@SuppressWarnings("unchecked")
	private static String pathVariable(HttpServletRequest request, String name) {
		return ((Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).get(name);
	}

	static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
	}

	static Actor signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor me ? me : null;
	}

}
