import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format-time';
import { checkSchedule, ScheduleField, SCHEDULE_PRESETS } from './schedule-field';

// 2024-03-29 12:00:00 UTC, a Friday; Europe/Vienna moves its clocks on Sunday 31 March.
const NOW = Date.UTC(2024, 2, 29, 12) / 1000;

function Harness({
  initial = '',
  optional = true,
  serverZone = 'Europe/Vienna',
}: {
  initial?: string;
  optional?: boolean;
  serverZone?: string;
}) {
  const [value, setValue] = useState(initial);
  return (
    <ScheduleField
      label="Schedule"
      value={value}
      onChange={setValue}
      serverZone={serverZone}
      optional={optional}
      now={NOW}
    />
  );
}

describe('checkSchedule', () => {
  it('lists the next runs in the server zone, across a clock change', () => {
    const check = checkSchedule('sat,sun 02:30', NOW, 'Europe/Vienna', 3);
    expect(check.kind).toBe('valid');
    // Saturday 02:30 CET; Sunday 02:30 does not exist in Vienna that day; the next Saturday is CEST
    const runs = check.kind === 'valid' ? check.runs.map((t) => formatDateTime(t, { timeZone: 'Europe/Vienna' })) : [];
    expect(runs[0]).toBe('2024-03-30 02:30:00');
    expect(runs).toHaveLength(3);
  });

  it('knows the first Saturday of a month', () => {
    const check = checkSchedule('sat *-1..7 02:00', NOW, 'UTC', 2);
    expect(check.kind === 'valid' && check.runs.map((t) => formatDateTime(t, { timeZone: 'UTC' }))).toEqual([
      '2024-04-06 02:00:00',
      '2024-05-04 02:00:00',
    ]);
  });

  it('refuses what PBS refuses and accepts every preset', () => {
    expect(checkSchedule('*:61', NOW, 'UTC').kind).toBe('invalid');
    expect(checkSchedule('fooday', NOW, 'UTC').kind).toBe('invalid');
    expect(checkSchedule('  ', NOW, 'UTC').kind).toBe('empty');
    for (const p of SCHEDULE_PRESETS) expect(checkSchedule(p.value, NOW, 'UTC').kind, p.value).toBe('valid');
  });
});

describe('ScheduleField', () => {
  it('says what is wrong, then the next run and ten runs in both zones', async () => {
    const user = userEvent.setup();
    render(<Harness serverZone="Pacific/Auckland" />);
    const input = screen.getByLabelText('Schedule');
    expect(screen.getByText('No schedule: the job runs only when started by hand.')).toBeInTheDocument();
    await user.type(input, 'sat 18:61');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Not a schedule PBS accepts/);
    await user.clear(input);
    await user.type(input, 'sat 18:15');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).toHaveAccessibleDescription(/^Next run: \d{4}-\d\d-\d\d \d\d:\d\d:00/);
    // in plain words too
    expect(input).toHaveAccessibleDescription(/Saturday.*18:15\.$/i);
    await user.click(screen.getByText('Next 10 runs'));
    const table = screen.getByRole('table', { name: 'Next runs of sat 18:15' });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(table).getByRole('columnheader', { name: 'Server time (Pacific/Auckland)' })).toBeInTheDocument();
    // fired by the server's clock: every run is a Saturday 18:15 in Auckland
    for (const row of within(table).getAllByRole('row').slice(1))
      expect(within(row).getAllByRole('cell')[1]?.textContent).toMatch(/ 18:15:00 GMT\+1[23]$/);
  });

  it('fills in a preset and requires a value when the schedule is not optional', async () => {
    const user = userEvent.setup();
    render(<Harness optional={false} />);
    expect(screen.getByText('A schedule is required.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Schedule: presets' }), 'sat *-1..7 02:00');
    expect(screen.getByLabelText('Schedule')).toHaveValue('sat *-1..7 02:00');
    expect(screen.queryByText('A schedule is required.')).toBeNull();
  });

  it("shows the server's message over its own", () => {
    render(<ScheduleField label="Schedule" value="daily" onChange={() => {}} error="value 'x' is wrong" now={NOW} />);
    expect(screen.getByLabelText('Schedule')).toHaveAccessibleDescription("value 'x' is wrong");
  });
});
