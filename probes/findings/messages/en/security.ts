import type { MessageCatalog } from '../../types';

/** English text of the security findings, keyed by rule id. */
export const securityMessagesEn: MessageCatalog = {
  'security.antivirus-off': {
    fine: 'Virus protection is on and up to date',
    title: 'Virus protection is turned off',
    explanation:
      '{product} is not actively protecting this computer, and no other antivirus is. Harmful files can run unnoticed.',
    userSteps: ['Open Windows Security (or your antivirus app) and turn real-time protection back on.'],
    itSteps: [
      'Check why protection is off (policy, a removed product leaving Defender passive, tampering) and restore it.',
    ],
  },
  'security.no-antivirus': {
    fine: 'Virus protection is on and up to date',
    title: 'No antivirus was found',
    explanation: 'Triage found no virus protection on this computer.',
    userSteps: [],
    itSteps: ["Install or re-enable the organisation's endpoint protection on this device."],
  },
  'security.antivirus-signatures-old': {
    fine: 'Virus protection is on and up to date',
    title: 'The virus definitions are {days, plural, one {# day} other {# days}} old',
    explanation:
      '{product} has not updated its list of known threats for {days, plural, one {# day} other {# days}}, so it misses new ones.',
    userSteps: ['Open Windows Security, go to Virus & threat protection and choose "Check for updates".'],
    itSteps: [
      'Check the update source of the definitions (Windows Update, WSUS, the management server) and network access to it.',
    ],
  },
  'security.firewall-off': {
    title: 'The firewall is off for {profile} networks',
    explanation:
      'On this kind of network, other devices can reach services on this computer that should be hidden.',
    userSteps: ['Open the firewall settings and turn the firewall on for {profile} networks.'],
    itSteps: ['Enforce the firewall by policy for every profile; check for a local override.'],
  },
  'security.disk-not-encrypted': {
    title: 'The system disk is not encrypted',
    explanation:
      'If this computer is lost or stolen, anyone can read the files on it by taking out the disk.',
    userSteps: [],
    itSteps: ['Turn on BitLocker/FileVault/LUKS for this device (escrow the recovery key first).'],
  },
  'security.encryption-suspended': {
    title: 'Disk encryption is paused on {volume}',
    explanation:
      'The disk is encrypted, but protection is suspended (usually for an update), so the key is stored in the clear until it is resumed.',
    userSteps: ['Restart the computer: protection usually resumes by itself after the restart.'],
    itSteps: ['Resume protection (manage-bde -protectors -enable) if it does not come back after a restart.'],
  },
  'security.secure-boot-off': {
    title: 'Secure Boot is off',
    explanation:
      'Without Secure Boot, malicious software can load before the operating system starts, and some security features (and Windows 11 compliance) do not work.',
    userSteps: [],
    itSteps: ['Enable Secure Boot in the firmware settings (check that the disk uses GPT/UEFI first).'],
  },
  'security.tpm-missing': {
    title: 'The security chip (TPM) is missing, not working or outdated',
    explanation:
      'The TPM protects disk encryption keys and Windows Hello sign-in. Without a working TPM 2.0, these features are weaker or unavailable.',
    userSteps: [],
    itSteps: ['Enable or clear the TPM in the firmware, update its firmware, or plan a replacement device.'],
  },
  'security.not-managed': {
    title: "This computer is not enrolled in your organisation's device management",
    explanation:
      'If your organisation manages its computers, this one is not receiving its settings, apps and security policies, and some company services may refuse it.',
    userSteps: [
      'If this is a work computer, ask IT how to enrol it (often through Settings > Accounts > Access work or school).',
    ],
    itSteps: [
      'Enrol the device in MDM (Intune or your tool); check why enrolment did not happen or was removed.',
    ],
  },
  'security.no-sso-token': {
    title: 'Single sign-on to work apps is not working',
    explanation:
      'The computer is joined to your organisation but has no sign-in token, so Teams, Outlook and other apps keep asking for your password or fail to sign in.',
    userSteps: [
      'Lock the computer and sign in again with your work password (not a PIN), while connected to the internet.',
    ],
    itSteps: [
      'Check dsregcmd /status diagnostics (AzureAdPrt, errors), the device object in Entra ID, and TPM health.',
    ],
  },
  'security.user-is-admin': {
    title: 'You are an administrator on this computer',
    explanation:
      'Your account can change everything on this computer. That is sometimes intended, but harmful software you run gets the same rights.',
    userSteps: [],
    itSteps: ['Confirm that local administrator rights are intended for this user.'],
  },
  'security.no-screen-lock': {
    fine: 'The screen locks by itself',
    title: 'The screen does not lock by itself',
    explanation: 'When you walk away, anyone can use this computer with your account.',
    userSteps: [
      'Turn on the screen lock (or a screen saver with a password) in the lock screen settings, and lock the screen when you leave (Windows key + L).',
    ],
    itSteps: ['Enforce an inactivity lock by policy (InactivityTimeoutSecs or the MDM equivalent).'],
  },
  'security.screen-lock-slow': {
    fine: 'The screen locks by itself',
    title: 'The screen locks only after {minutes, plural, one {# minute} other {# minutes}}',
    explanation: 'For that long after you walk away, anyone can use this computer with your account.',
    userSteps: ['Set the screen to lock after 15 minutes or less.'],
    itSteps: ['Enforce an inactivity lock of 15 minutes or less by policy.'],
  },
};
