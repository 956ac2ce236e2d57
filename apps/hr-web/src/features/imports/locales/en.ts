import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  imports: {
    lead: 'Register and update employees and import attendance records in bulk from a file (CSV or Excel). Every import is recorded in the import history.',
    kindLabel: 'Import type',
    kinds: { employees_new: 'New employees', employees_update: 'Update', attendance: 'Attendance' },
    kindLeads: {
      employees_new: 'Register new employees with the “new registration file”.',
      employees_update:
        'Find registered employees by employee number and change only the columns filled in the “update file”.',
      attendance:
        'Import monthly attendance records per employee. They are shown under “Attendance” on the employee details.',
    },
    fileNames: {
      employees_new: 'new registration file',
      employees_update: 'update file',
      attendance: 'attendance file',
    },
    step: 'STEP {{n}}',
    downloadTitle: 'Download the “{{file}}”',
    prepareUpdateTitle: 'Prepare the “update file”',
    downloadLeads: {
      employees_new:
        'A file with the header row and one example row. Delete the example row, then enter one employee per row.',
      employees_update: 'You can also fill in only the employee number and the columns to change.',
      attendance:
        'A file with the header row and one example row. Delete the example row, then enter one employee and month per row.',
    },
    excelNote:
      'The Excel file (.xlsx) has a note with the input rule on every column and drop-down lists of the masters.',
    formats: { utf8: 'CSV (UTF-8)', cp932: 'CSV (Shift_JIS)', xlsx: 'Excel (.xlsx)' },
    formatHints: {
      utf8: 'CSV in UTF-8 (with BOM)',
      cp932: 'CSV in Shift_JIS (opens directly in Excel)',
      xlsx: 'Excel workbook with input-rule notes and drop-down lists',
    },
    exportTitle: 'Export the current employee data',
    exportLead:
      'Exports every employee with an employee number in the “update file” layout. Edit the columns to change and import the file as it is.',
    blankTemplateTitle: 'Empty “update file”',
    updateRulesTitle: 'How updating works',
    updateRules: {
      number: 'Employees are found by employee number (the number itself cannot be changed).',
      blank: 'An empty cell leaves the value unchanged.',
      clear: 'Enter “{{marker}}” to clear a value (required columns cannot be cleared).',
      assignment:
        'To change company, department, position, grade, job type or location, enter the “所属適用日” (assignment start date); the new assignment starts on that date.',
      contract:
        'To change employment type, work style or hiring category, enter the “契約適用日” (contract start date); the new contract starts on that date.',
    },
    rulesLink: 'See the input rules',
    uploadTitle: 'Import the file',
    file: 'File to import (CSV or Excel)',
    filePlaceholder: 'Choose a CSV or Excel (.xlsx) file',
    fileWrongType: 'Choose a CSV (.csv) or Excel (.xlsx) file',
    fileTooLarge: 'The file is too large (up to 64 MB)',
    submit: 'Import',
    noteFormats: '* CSV (UTF-8 or Shift_JIS) and Excel (.xlsx, first sheet) files up to 64 MB can be imported.',
    noteStartup:
      '* To collect information from the employees themselves, enter “1” in the employee startup flag column.',
    noteAllOrNothing: {
      employees_new:
        '* Rows are registered only if every row is valid (nothing is registered if any row has an error).',
      employees_update: '* Rows are updated only if every row is valid (nothing is updated if any row has an error).',
      attendance: '* Rows are imported only if every row is valid (nothing is imported if any row has an error).',
    },
    noteAttendanceReplace:
      '* Existing records of the same employee and month are replaced by the file (empty cells become empty).',
    uploadFailed: 'The file could not be imported',
    resultTitle: 'Import result',
    fileName: 'File: {{name}}',
    fileNameColumn: 'File name',
    reading: 'Reading the file…',
    phaseValidating: 'Validating',
    phaseWriting: { employees_new: 'Registering', employees_update: 'Updating', attendance: 'Registering' },
    validatedRows: 'Validated {{rows}} rows',
    writtenRows: '{{done}} / {{total}} rows',
    progress: '{{phase}}: {{detail}}',
    succeeded: {
      employees_new: 'Registered {{count}} employees',
      employees_update: 'Updated {{count}} employees',
      attendance: 'Imported {{count}} attendance records',
    },
    checkEmployees: 'Check in the employee list',
    checkAttendance: 'The imported records are shown under “Attendance” on the employee details.',
    failed: {
      employees_new: 'Nothing was registered because of errors ({{count}} errors)',
      employees_update: 'Nothing was updated because of errors ({{count}} errors)',
      attendance: 'Nothing was imported because of errors ({{count}} errors)',
    },
    errorsTitle: 'Errors',
    errorRow: 'Row',
    errorEmployeeNumber: 'Employee no.',
    errorEmployeeName: 'Name',
    errorColumn: 'Column',
    errorMessage: 'Message',
    errorRowN: 'Row {{row}}',
    downloadErrors: 'Download the errors',
    historyTitle: 'Import history',
    historyEmpty: 'No imports yet.',
    startedAt: 'Started',
    finishedAt: 'Finished',
    kind: 'Type',
    actor: 'Run by',
    status: 'Status',
    log: 'Log',
    statuses: { processing: 'Processing', succeeded: 'Succeeded', failed: 'Failed' },
    showErrors: 'Errors ({{count}})',
    showResult: 'Show result',
    rulesTitle: 'Input rules ({{file}})',
    rulesLeads: {
      employees_new: 'The first row is the header row. Do not change the order or the names of the columns.',
      employees_update:
        'The first row is the header row. Do not change the column names. The employee number column is required; columns you do not change may be removed.',
      attendance:
        'The first row is the header row. Do not change the order or the names of the columns. Enter one employee and month per row.',
    },
    rulesSystemUse: 'For employees who use the system, also enter the login ID, email address and system start date.',
    column: 'Column',
    required: 'Required',
    rule: 'Rule',
    example: 'Example',
    masterNote: 'Enter the code or the name (see Master maintenance)',
    backToImport: 'Back to bulk import / update',
  },
};
