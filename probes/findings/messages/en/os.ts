import type { MessageCatalog } from '../../types';

/** English text of the OS findings, keyed by rule id. */
export const osMessagesEn: MessageCatalog = {
  'os.unsupported': {
    title: 'This version of the operating system no longer gets security updates',
    explanation:
      '{os} reached the end of its support ({endedOn}). New security holes will not be fixed, and some company apps and services may refuse it.',
    userSteps: [],
    itSteps: ['Upgrade or replace this device; until then, restrict its access according to policy.'],
  },
  'os.support-ending': {
    title: 'Support for this operating system ends soon ({endsOn})',
    explanation: '{os} stops getting security updates on {endsOn}. Plan the upgrade before then.',
    userSteps: [
      'If an upgrade is offered in your update settings, install it, or ask IT when yours is planned.',
    ],
    itSteps: ['Schedule the feature update or replacement for this device before {endsOn}.'],
  },
  'os.restart-pending': {
    fine: 'No restart is needed',
    title: 'The computer needs a restart to finish installing updates',
    explanation:
      'Updates are waiting for a restart ({reasons}). Until then they are not in force, and some problems they fix will continue.',
    userSteps: ['Save your work and restart the computer (use Restart, not Shut down).'],
    itSteps: [
      'The computer has been up {days, plural, one {# day} other {# days}}; if restarts are postponed for long, consider enforcing a deadline.',
    ],
  },
  'os.long-uptime': {
    fine: 'No restart is needed',
    title: 'The computer has not been restarted for {days, plural, one {# day} other {# days}}',
    explanation:
      'Long-running computers collect small problems (memory, stuck drivers) and miss updates that need a restart.',
    userSteps: ['Save your work and restart the computer.'],
    itSteps: ['Consider a restart policy.'],
  },
  'os.long-uptime-fast-startup': {
    fine: 'No restart is needed',
    title: 'The computer has not really restarted for {days, plural, one {# day} other {# days}}',
    explanation:
      'Fast Startup is on: "Shut down" only hibernates Windows, so problems and waiting updates survive it. Only "Restart" starts fresh.',
    userSteps: ['Save your work and choose Restart (not Shut down) from the Start menu.'],
    itSteps: ['Consider turning off Fast Startup by policy (HiberbootEnabled = 0) or enforcing restarts.'],
  },
  'os.updates-stale': {
    title: 'No updates have been installed for {days, plural, one {# day} other {# days}}',
    explanation:
      'Security updates come out every month. This computer has missed some and is exposed to known, exploited problems.',
    userSteps: ['Open the update settings, check for updates and install them, then restart.'],
    itSteps: ['Find why updates stop here (update service, management policy, disk space, a stuck update).'],
  },
  'os.update-service-disabled': {
    title: 'The update service is turned off',
    explanation:
      'The service that installs updates is disabled, so this computer gets no security fixes at all.',
    userSteps: [],
    itSteps: [
      'Re-enable the update service (Windows: wuauserv) unless updates are deliberately delivered another way.',
    ],
  },
  'os.time-service-not-syncing': {
    // Shared with the clock rules: one line, and none while any of them finds a problem.
    fine: "The computer's clock is right",
    title: 'The computer does not keep its clock in time',
    explanation:
      'Its time service is stopped or not synchronising. The clock will drift, and sign-ins fail once it is minutes off.',
    userSteps: ['Open the date and time settings and turn on "Set time automatically".'],
    itSteps: ['Start the time service ({service}) and check its time source.'],
  },
  'os.system-crashes': {
    fine: 'The system has not crashed today',
    title:
      'The system crashed {count, plural, one {once} other {# times}} today (blue screen or kernel panic)',
    explanation:
      'The whole system stopped with an error and restarted. Unsaved work is lost each time, and it usually comes back until the cause is fixed.',
    userSteps: ['Save your work often until IT has looked at this.'],
    itSteps: ['Read the bug check code and the dump; check drivers updated recently, firmware, and memory.'],
  },
  'os.unexpected-shutdowns': {
    fine: 'The system has not crashed today',
    title: 'The computer switched off unexpectedly ({count, plural, one {once} other {# times}} today)',
    explanation:
      'It stopped without shutting down properly: a power cut, an empty battery, overheating, or the power button held down.',
    userSteps: ['Check that the charger is connected and the air vents are not blocked.'],
    itSteps: [
      'Check power settings, battery health and temperatures; look at the events just before each shutdown.',
    ],
  },
  'os.app-crashing': {
    fine: 'No program keeps crashing',
    title: '{app} keeps crashing ({count, plural, one {once} other {# times}} today)',
    explanation: 'The same program closed with an error several times. Repairing or updating it often helps.',
    userSteps: ['Update {app}, or repair it from the installed apps settings.', 'Restart the computer.'],
    itSteps: ['Look at the faulting module in the events; reinstall or update {app} and its add-ins.'],
  },
  'os.disk-errors': {
    fine: 'The disk reported no errors today',
    title: 'The disk reported read or write errors ({count, plural, one {once} other {# times}} today)',
    explanation:
      'The computer had trouble reading or writing the disk. Files may be damaged and the disk may be failing.',
    userSteps: ['Make sure your important files are saved to OneDrive or a network drive now.'],
    itSteps: [
      "Check the disk's health (SMART), cables and firmware; back up and replace the disk if errors continue.",
    ],
  },
  'os.process-hog': {
    title: '{process} is using a lot of the computer',
    explanation:
      'It uses {cpuPercent, number} % of the processor and {memoryGb, number} GB of memory, which slows everything else down.',
    userSteps: ['If you do not need {process} right now, close it. If it is stuck, restart the computer.'],
    itSteps: ['Check {process} for a known issue, an update, or a stuck task (scan, sync, indexing).'],
  },
};
