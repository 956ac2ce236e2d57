import type { ja } from './ja';

export const en: typeof ja = {
  profileSheet: {
    settingsTitle: 'Profile sheet settings',
    settingsLead: 'What the profile sheet printed from an employee page contains. Each output may change it.',
    maskNote: 'Items not chosen print as "*"; items with no data print as "-".',
    basicInfo: 'Basic information (always printed)',
    basicItems:
      'Business name (else real name), contract, department, position, grade, job type, location, attendance (last 3 months)',
    personal: 'Personal information',
    personalNote:
      'Handle printed personal data with care. Disability and awards print only for users allowed sensitive data.',
    records: 'Records (without interviews)',
    allCategories: 'All categories',
    recordRange: 'Record date',
    interviews: 'Interview history',
    interviewNote: 'Records of the category "interview", newest first.',
    rangeMonths: 'Back from the output date',
    rangeDates: 'Fixed dates',
    months: 'Months',
    monthsSuffix: 'months back to the output date',
    from: 'From',
    to: 'To',
    limit: 'Count (3 to 10)',
    save: 'Save',
    saved: 'Saved',
    isDefault: 'The defaults are in use.',
    updatedAt: 'Last updated: {{at}}',
    forbidden: 'You may view but not change these settings.',
    outputButton: 'Print profile sheet',
    outputTitle: 'Print profile sheet',
    outputLead: 'Prints with the saved settings; you may change them for this output only.',
    output: 'Download PDF',
    cancel: 'Cancel',
    settingsLink: 'Open the settings',
  },
};
