import { describe, expect, it } from 'vitest';
import {
  actionOutsideMeeting,
  adHocMeeting,
  checkActionEdit,
  checkActionForm,
  checkDecisionEdit,
  checkAgendaText,
  checkCadenceForm,
  checkDecisionForm,
  checkMeetingForm,
  checkMinutes,
  isTimeZone,
  maxDurationMinutes,
  maxMinutesLength,
  maxNameLength,
  maxTextLength,
  maxTitleLength,
} from '../../../../shared/forms/meeting';
import type { CadenceFormInput, MeetingFormInput } from '../../../../shared/forms/meeting';

const cadenceContext = {
  providerIds: ['p1', 'p2'],
  contracts: [
    { id: 'c1', providerId: 'p1' },
    { id: 'c2', providerId: 'p2' },
  ],
};

const cadenceInput: CadenceFormInput = {
  providerId: 'p1',
  contractId: 'c1',
  kind: 'quarterlySteering',
  title: '  Joint steering committee  ',
  firstDate: '2024-01-31',
  untilDate: '',
  startTime: '10:00',
  durationMinutes: ' 90 ',
  timeZone: 'Europe/London',
  attendees: ' CIO, account manager ',
};

function cadenceIssues(patch: Partial<CadenceFormInput>) {
  const check = checkCadenceForm({ ...cadenceInput, ...patch }, cadenceContext);
  return check.ok ? [] : check.issues;
}

describe('checkCadenceForm', () => {
  it('returns trimmed cadence data', () => {
    const check = checkCadenceForm(cadenceInput, cadenceContext);
    expect(check).toEqual({
      ok: true,
      value: {
        providerId: 'p1',
        contractId: 'c1',
        kind: 'quarterlySteering',
        title: 'Joint steering committee',
        firstDate: '2024-01-31',
        untilDate: null,
        startTime: '10:00',
        durationMinutes: 90,
        timeZone: 'Europe/London',
        attendees: 'CIO, account manager',
      },
    });
  });

  it('stores no contract when none is chosen', () => {
    const check = checkCadenceForm({ ...cadenceInput, contractId: '' }, cadenceContext);
    if (!check.ok) throw new Error(JSON.stringify(check.issues));
    expect(check.value.contractId).toBeNull();
  });

  it('keeps an end date on or after the first date', () => {
    const check = checkCadenceForm({ ...cadenceInput, untilDate: '2024-01-31' }, cadenceContext);
    if (!check.ok) throw new Error(JSON.stringify(check.issues));
    expect(check.value.untilDate).toBe('2024-01-31');
  });

  it.each([
    [{ title: '   ' }, 'title', 'required'],
    [{ title: 'x'.repeat(maxTitleLength + 1) }, 'title', 'tooLong'],
    [{ firstDate: '' }, 'firstDate', 'required'],
    [{ firstDate: '2023-02-29' }, 'firstDate', 'invalidDate'],
    [{ firstDate: '31/01/2024' }, 'firstDate', 'invalidDate'],
    [{ untilDate: '2024-13-01' }, 'untilDate', 'invalidDate'],
    [{ untilDate: '2024-01-30' }, 'untilDate', 'untilBeforeFirst'],
    [{ startTime: '' }, 'startTime', 'required'],
    [{ startTime: '24:00' }, 'startTime', 'invalidTime'],
    [{ startTime: '9:00' }, 'startTime', 'invalidTime'],
    [{ durationMinutes: '' }, 'durationMinutes', 'required'],
    [{ durationMinutes: '1.5' }, 'durationMinutes', 'notWhole'],
    [{ durationMinutes: '-30' }, 'durationMinutes', 'durationRange'],
    [{ durationMinutes: '1,5' }, 'durationMinutes', 'notWhole'],
    [{ durationMinutes: '0' }, 'durationMinutes', 'durationRange'],
    [{ durationMinutes: String(maxDurationMinutes + 1) }, 'durationMinutes', 'durationRange'],
    [{ timeZone: '' }, 'timeZone', 'required'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'invalidTimeZone'],
    [{ providerId: 'p9' }, 'providerId', 'providerUnknown'],
    [{ contractId: 'c2' }, 'contractId', 'contractUnknown'],
    [{ kind: 'adHoc' }, 'kind', 'kindUnknown'],
    [{ attendees: 'x'.repeat(maxTextLength + 1) }, 'attendees', 'tooLong'],
  ] as const)('rejects %j at %s', (patch, field, problem) => {
    expect(cadenceIssues(patch)).toEqual([{ field, problem }]);
  });

  it('accepts the longest title and duration', () => {
    expect(cadenceIssues({ title: 'x'.repeat(maxTitleLength), durationMinutes: String(maxDurationMinutes) })).toEqual([]);
  });

  it('reports every invalid field', () => {
    const fields = cadenceIssues({ title: '', startTime: 'noon', timeZone: 'nowhere' }).map((issue) => issue.field);
    expect(fields).toEqual(['title', 'startTime', 'timeZone']);
  });

  it('reports cross-field errors with field errors', () => {
    const issues = cadenceIssues({ durationMinutes: 'long', untilDate: '2024-01-30', contractId: 'c2' });
    expect(issues).toContainEqual({ field: 'durationMinutes', problem: 'notNumber' });
    expect(issues).toContainEqual({ field: 'untilDate', problem: 'untilBeforeFirst' });
    expect(issues).toContainEqual({ field: 'contractId', problem: 'contractUnknown' });
  });
});

const meetingInput: MeetingFormInput = {
  providerId: 'p1',
  title: ' Exit planning workshop ',
  date: '2024-05-02',
  startTime: '14:30',
  durationMinutes: '60',
  timeZone: 'Asia/Kolkata',
  attendees: '',
};

describe('checkMeetingForm', () => {
  it('returns a planned ad hoc meeting', () => {
    const check = checkMeetingForm(meetingInput, { providerIds: ['p1'] });
    if (!check.ok) throw new Error(JSON.stringify(check.issues));
    expect(adHocMeeting(check.value)).toEqual({
      providerId: 'p1',
      cadenceId: null,
      kind: 'adHoc',
      title: 'Exit planning workshop',
      date: '2024-05-02',
      startTime: '14:30',
      durationMinutes: 60,
      timeZone: 'Asia/Kolkata',
      status: 'planned',
      agenda: [],
      attendees: '',
      minutes: '',
    });
  });

  it.each([
    [{ title: '' }, 'title', 'required'],
    [{ date: '2024-04-31' }, 'date', 'invalidDate'],
    [{ startTime: '14.30' }, 'startTime', 'invalidTime'],
    [{ durationMinutes: 'an hour' }, 'durationMinutes', 'notNumber'],
    [{ timeZone: 'GMT+25' }, 'timeZone', 'invalidTimeZone'],
    [{ providerId: '' }, 'providerId', 'providerUnknown'],
  ] as const)('rejects %j at %s', (patch, field, problem) => {
    const check = checkMeetingForm({ ...meetingInput, ...patch }, { providerIds: ['p1'] });
    expect(check.ok ? [] : check.issues).toEqual([{ field, problem }]);
  });
});

describe('checkAgendaText', () => {
  it('trims a line', () => {
    expect(checkAgendaText('  Review attrition  ')).toEqual({ ok: true, value: 'Review attrition' });
  });

  it('rejects an empty line', () => {
    expect(checkAgendaText(' ')).toEqual({ ok: false, issues: [{ field: 'text', problem: 'required' }] });
  });

  it('rejects a line over the limit', () => {
    expect(checkAgendaText('x'.repeat(maxTextLength + 1))).toEqual({ ok: false, issues: [{ field: 'text', problem: 'tooLong' }] });
  });
});

describe('checkMinutes', () => {
  it('accepts empty minutes', () => {
    expect(checkMinutes('')).toEqual({ ok: true, value: '' });
  });

  it('keeps inner lines and drops outer blanks', () => {
    expect(checkMinutes('\n Attendance noted.\nActions reviewed.\n\n')).toEqual({
      ok: true,
      value: 'Attendance noted.\nActions reviewed.',
    });
  });

  it('rejects minutes over the limit', () => {
    expect(checkMinutes('x'.repeat(maxMinutesLength + 1))).toEqual({ ok: false, issues: [{ field: 'minutes', problem: 'tooLong' }] });
  });
});

const meeting = { id: 'm1', providerId: 'p1' };

describe('checkDecisionForm', () => {
  it('links the decision to the meeting and provider', () => {
    const check = checkDecisionForm({ text: ' Extend the pilot ', decidedBy: ' Steering committee ', decidedOn: '2024-04-30' }, meeting);
    expect(check).toEqual({
      ok: true,
      value: { meetingId: 'm1', providerId: 'p1', text: 'Extend the pilot', decidedBy: 'Steering committee', decidedOn: '2024-04-30' },
    });
  });

  it.each([
    [{ text: '' }, 'text', 'required'],
    [{ text: 'x'.repeat(maxTextLength + 1) }, 'text', 'tooLong'],
    [{ decidedBy: 'x'.repeat(maxNameLength + 1) }, 'decidedBy', 'tooLong'],
    [{ decidedOn: '' }, 'decidedOn', 'required'],
    [{ decidedOn: 'yesterday' }, 'decidedOn', 'invalidDate'],
  ] as const)('rejects %j at %s', (patch, field, problem) => {
    const check = checkDecisionForm({ text: 'Go', decidedBy: '', decidedOn: '2024-04-30', ...patch }, meeting);
    expect(check.ok ? [] : check.issues).toEqual([{ field, problem }]);
  });
});

describe('checkActionForm', () => {
  it('returns an open action with a due date', () => {
    const check = checkActionForm({ title: ' Send the exit plan ', owner: ' Priya Shah ', dueDate: '2024-06-15' }, meeting);
    expect(check).toEqual({
      ok: true,
      value: {
        meetingId: 'm1',
        providerId: 'p1',
        title: 'Send the exit plan',
        owner: 'Priya Shah',
        dueDate: '2024-06-15',
        status: 'open',
        completedOn: null,
      },
    });
  });

  it('requires owner and due date', () => {
    const check = checkActionForm({ title: 'Call back', owner: ' ', dueDate: '  ' }, meeting);
    expect(check.ok ? [] : check.issues).toEqual([
      { field: 'owner', problem: 'required' },
      { field: 'dueDate', problem: 'required' },
    ]);
  });

  it.each([
    [{ title: '' }, 'title', 'required'],
    [{ title: 'x'.repeat(maxTitleLength + 1) }, 'title', 'tooLong'],
    [{ owner: '' }, 'owner', 'required'],
    [{ owner: 'x'.repeat(maxNameLength + 1) }, 'owner', 'tooLong'],
    [{ dueDate: '' }, 'dueDate', 'required'],
    [{ dueDate: '2024-02-30' }, 'dueDate', 'invalidDate'],
  ] as const)('rejects %j at %s', (patch, field, problem) => {
    const check = checkActionForm({ title: 'Call back', owner: 'Priya Shah', dueDate: '2024-06-15', ...patch }, meeting);
    expect(check.ok ? [] : check.issues).toEqual([{ field, problem }]);
  });
});

describe('checkDecisionEdit', () => {
  it('returns the trimmed fields', () => {
    const check = checkDecisionEdit({ text: ' Extend the pilot by a month ', decidedBy: ' JSC ', decidedOn: '2024-05-02' });
    expect(check).toEqual({ ok: true, value: { text: 'Extend the pilot by a month', decidedBy: 'JSC', decidedOn: '2024-05-02' } });
  });

  it('rejects an empty text', () => {
    const check = checkDecisionEdit({ text: ' ', decidedBy: '', decidedOn: '2024-05-02' });
    expect(check.ok ? [] : check.issues).toEqual([{ field: 'text', problem: 'required' }]);
  });
});

describe('checkActionEdit', () => {
  const context = { providerIds: ['p1', 'p2'] };
  const valid = { title: 'Send the exit plan', owner: 'Priya Shah', dueDate: '2024-06-15', providerId: 'p2', status: 'done' };

  it('returns provider, status and fields', () => {
    const check = checkActionEdit(valid, context);
    expect(check).toEqual({
      ok: true,
      value: { providerId: 'p2', title: 'Send the exit plan', owner: 'Priya Shah', dueDate: '2024-06-15', status: 'done' },
    });
  });

  it('reads no provider as portfolio-wide', () => {
    const check = checkActionEdit({ ...valid, providerId: '' }, context);
    if (!check.ok) throw new Error(JSON.stringify(check.issues));
    expect(check.value.providerId).toBeNull();
  });

  it.each([
    [{ providerId: 'gone' }, 'providerId', 'providerUnknown'],
    [{ status: 'waiting' }, 'status', 'statusUnknown'],
    [{ title: '' }, 'title', 'required'],
    [{ owner: '  ' }, 'owner', 'required'],
    [{ dueDate: '' }, 'dueDate', 'required'],
    [{ dueDate: '2024-13-01' }, 'dueDate', 'invalidDate'],
  ] as const)('rejects %j at %s', (patch, field, problem) => {
    const check = checkActionEdit({ ...valid, ...patch }, context);
    expect(check.ok ? [] : check.issues).toEqual([{ field, problem }]);
  });
});

describe('actionOutsideMeeting', () => {
  const fields = { providerId: null, title: 'Renew the SOC 2 bridge letter', owner: '', dueDate: null } as const;

  it('has no meeting and no completion day', () => {
    expect(actionOutsideMeeting({ ...fields, status: 'open' }, '2024-05-02')).toMatchObject({ meetingId: null, completedOn: null });
  });

  it('is done today when added done', () => {
    expect(actionOutsideMeeting({ ...fields, status: 'done' }, '2024-05-02').completedOn).toBe('2024-05-02');
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
  });

  it('rejects unknown and empty names', () => {
    expect(isTimeZone('Atlantis/Capital')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
