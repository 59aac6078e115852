import type { MessageCatalog } from '../../types';

/** English text of the hardware findings, keyed by rule id. */
export const hardwareMessagesEn: MessageCatalog = {
  'hardware.disk-almost-full': {
    fine: 'There is enough free disk space',
    title: 'Your main disk is almost full',
    explanation:
      'Only {freeGb, number} GB ({freePercent, number} %) is left. When the disk fills up, updates fail, programs crash and files cannot be saved.',
    userSteps: [
      'Empty the Recycle Bin and your Downloads folder.',
      'Open the storage settings and run the clean-up of temporary files.',
      'Move large files (videos, old projects) to OneDrive or a network drive.',
    ],
    itSteps: [
      'Check what is using the space (user profile, Windows.old, WinSxS, caches) and clean it up or enlarge the disk.',
    ],
  },
  'hardware.disk-space-low': {
    fine: 'There is enough free disk space',
    title: 'Disk space is running low on {volume}',
    explanation:
      '{freeGb, number} GB ({freePercent, number} %) is free. That is enough for now, but not for the next large update or project.',
    userSteps: [
      'Delete files you no longer need and empty the Recycle Bin.',
      'Open the storage settings to see what takes the most space.',
    ],
    itSteps: ['Plan a clean-up or a larger disk before the next feature update.'],
  },
  'hardware.disk-failing': {
    title: 'A disk may be failing: {disk}',
    explanation:
      'The disk reports that it is wearing out or about to fail. Files on it could be lost without warning.',
    userSteps: ['Make sure your important files are saved to OneDrive or a network drive now.'],
    itSteps: [
      'Back up the device and replace the disk; check the SMART attributes and the System event log for disk errors.',
    ],
  },
  'hardware.memory-pressure': {
    fine: 'There is enough free memory',
    title: 'Your computer is running out of memory',
    explanation:
      'Almost all of its {totalGb, number} GB of memory is in use, so programs have to wait for the disk and everything feels slow.',
    userSteps: [
      'Close programs and browser tabs you are not using.',
      'Restart the computer if it has been on for a long time.',
    ],
    itSteps: [
      "Look at the top memory users in the bundle (os.processes); consider more memory for this user's workload.",
    ],
  },
  'hardware.memory-small': {
    title: 'This computer has little memory ({totalGb, number} GB)',
    explanation:
      'Modern office work (Teams, a browser and Office together) needs about 8 GB. With less, the computer is often slow.',
    userSteps: [],
    itSteps: ['Consider a memory upgrade or a replacement device for this user.'],
  },
  'hardware.heavy-swapping': {
    fine: 'There is enough free memory',
    title: 'The computer is using the disk as memory',
    explanation:
      'Memory is so full that the computer keeps moving data between memory and the disk. Switching between programs will be slow.',
    userSteps: ['Close programs you are not using, then restart the computer.'],
    itSteps: [
      'Find the processes using the most memory (os.processes) and check for leaks; consider more memory.',
    ],
  },
  'hardware.battery-worn': {
    title: 'The battery is worn ({health, number} % of its original capacity)',
    explanation:
      '{cycles, select, unknown {After many charges} other {After {cycles, number} charge cycles}} it holds noticeably less charge, so the laptop runs out sooner than it used to.',
    userSteps: ['Keep the laptop plugged in when you can until the battery is replaced.'],
    itSteps: [
      "Check the warranty and replace the battery if it is below the vendor's threshold (often 80 %).",
    ],
  },
  'hardware.battery-not-charging': {
    title: 'The battery is not charging although the charger is connected',
    explanation:
      'The laptop is on mains power but the battery stays at {percent, number} %. The charger, the cable or the battery may be faulty.',
    userSteps: [
      'Check that the charger is firmly plugged in at both ends, or try another socket or charger.',
      'If your laptop has a battery-saver or "limit charging" setting, check whether it is on.',
    ],
    itSteps: [
      "Test with a known-good charger; check the battery's health and the vendor's power management tool.",
    ],
  },
  'hardware.cpu-busy': {
    fine: 'The processor is not overloaded',
    title: 'The processor is very busy ({load, number} %)',
    explanation: 'Something is using almost all of the processor, which makes everything else slow.',
    userSteps: ['Close programs you are not using. If the computer stays slow, restart it.'],
    itSteps: [
      'Check the top processes in the bundle (os.processes) for a runaway program, a scan or an update.',
    ],
  },
  'hardware.gpu-driver-old': {
    title: 'The graphics driver is {years, plural, one {# year} other {# years}} old',
    explanation:
      'The driver for {gpu} dates from {date}. Old drivers cause display, docking-station and video-call problems that newer ones fix.',
    userSteps: ['Install the updates offered in Windows Update, including optional driver updates.'],
    itSteps: ['Deploy the current driver from the device vendor.'],
  },
};
