package org.iopscheduler.people.web;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.Passwords;
import org.iopscheduler.people.People;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.RefusedForm;
import org.iopscheduler.system.PageController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone changes their own password here; a coordinator resets another account's
 * password or ends its lock-out on the account's page.
 */
@PageController
@RequiredArgsConstructor
class PasswordPages {

	private final Passwords passwords;

	private final RefusedForm refusedForm;

	private final People people;

	@Data
	static class ChangeForm {

		@NotBlank
		private String currentPassword;

		@NotBlank
		private String newPassword;

		@NotBlank
		private String repeatPassword;

	}

	@Data
	static class ResetForm {

		@NotBlank
		private String newPassword;

	}

	@GetMapping("/password")
	String changeForm(Model model) {
		if (!model.containsAttribute("changeForm")) {
			model.addAttribute("changeForm", new ChangeForm());
		}
		return "people/password";
	}

	@Audited(value = AuditAction.CHANGE_PASSWORD, whose = Whose.CALLER_ACCOUNT)
	@PostMapping("/password")
	String change(@Valid @ModelAttribute("changeForm") ChangeForm form, BindingResult result,
			@AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("repeatPassword")
				&& !form.getNewPassword().equals(form.getRepeatPassword())) {
			result.rejectValue("repeatPassword", "people.password.repeat");
		}
		if (!result.hasErrors()) {
			try {
				// this page's own session stays signed in; every other one ends
				HttpSession session = request.getSession(false);
				passwords.changeOwn(me.id(), form.getCurrentPassword(), form.getNewPassword(),
						Optional.ofNullable(session).map(HttpSession::getId));
				redirect.addFlashAttribute("changed", true);
				return "redirect:/password";
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "password", Set.of("currentPassword", "newPassword"));
			}
		}
		return "people/password";
	}

	@GetMapping("/accounts/{id}")
	String account(@PathVariable long id, Model model) {
		Account account = people.get(id);
		if (!model.containsAttribute("resetForm")) {
			model.addAttribute("resetForm", new ResetForm());
		}
		model.addAttribute("account", account);
		model.addAttribute("locked", passwords.isLocked(id));
		return "people/account";
	}

	@Audited(value = AuditAction.RESET_PASSWORD, whose = Whose.PATH_ACCOUNT)
	@PostMapping("/accounts/{id}/password")
	String reset(@PathVariable long id, @Valid @ModelAttribute("resetForm") ResetForm form, BindingResult result,
			@AuthenticationPrincipal SignedIn me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				passwords.reset(id, me, form.getNewPassword());
				redirect.addFlashAttribute("reset", true);
				return "redirect:/accounts/" + id;
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "password", Set.of("newPassword"));
			}
		}
		return account(id, model);
	}

	@Audited(value = AuditAction.UNLOCK_ACCOUNT, whose = Whose.PATH_ACCOUNT)
	@PostMapping("/accounts/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		passwords.unlock(id);
		redirect.addFlashAttribute("unlocked", true);
		return "redirect:/accounts/" + id;
	}

}
