package org.iopscheduler.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReminderSettingsRepository extends JpaRepository<ReminderSettings, Long> {

}
