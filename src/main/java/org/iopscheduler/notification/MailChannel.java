package org.iopscheduler.notification;

import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.iopscheduler.contact.ContactChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP through Spring Mail ({@code spring.mail.host}, {@code port},
 * {@code username}, {@code password}) from {@code iop.notifications.mail.from}. One
 * message per participant with a single To: recipient: never a group, Cc or Bcc list, in
 * which one participant would learn who else attends.
 */
@Component
class MailChannel implements Channel {

	static final String NOT_CONFIGURED = "e-mail is not configured";

	private final ObjectProvider<JavaMailSender> senders;

	private final Environment settings;

	MailChannel(ObjectProvider<JavaMailSender> senders, Environment settings) {
		this.senders = senders;
		this.settings = settings;
	}

	@Override
	public ContactChannel channel() {
		return ContactChannel.EMAIL;
	}

	@Override
	public Optional<String> notConfigured() {
		// Boot makes the sender only when spring.mail.host is set
		if (senders.getIfAvailable() == null || from().isEmpty()) {
			return Optional.of(NOT_CONFIGURED);
		}
		return Optional.empty();
	}

	private String from() {
		return settings.getProperty("iop.notifications.mail.from", "").strip();
	}

	@Override
	public void send(String address, String subject, String body) {
		JavaMailSender sender = senders.getObject();
		MimeMessage mail = sender.createMimeMessage();
		try {
			MimeMessageHelper message = new MimeMessageHelper(mail, false, "UTF-8");
			message.setFrom(new InternetAddress(from(), true));
			message.setTo(new InternetAddress(address, true));
			message.setSubject(subject);
			message.setText(body, false);
		}
		catch (MessagingException bad) {
			throw new DeliveryFailed("the message could not be written: " + bad.getClass().getSimpleName(), bad);
		}
		try {
			sender.send(mail);
		}
		catch (MailException failed) {
			throw new DeliveryFailed("the mail server did not take the message: " + failed.getClass().getSimpleName(),
					failed);
		}
	}

}
