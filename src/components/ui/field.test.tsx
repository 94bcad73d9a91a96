import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Checkbox } from './checkbox';
import { Field } from './field';
import { Input } from './input';
import { Select } from './select';
import { Textarea } from './textarea';

function Port() {
  const [value, setValue] = useState('');
  const error = /^\d*$/.test(value) ? undefined : 'Digits only.';
  return (
    <Field label="Port" description="Empty: the default, 8007." error={error}>
      <Input value={value} onChange={(e) => setValue(e.target.value)} />
    </Field>
  );
}

describe('Field', () => {
  it('labels its input and describes it with the hint, then with the error while it stands', async () => {
    const user = userEvent.setup();
    render(<Port />);
    const input = screen.getByRole('textbox', { name: 'Port' });
    expect(input).toHaveAccessibleDescription('Empty: the default, 8007.');
    expect(input).not.toHaveAttribute('aria-invalid');

    await user.type(input, '80x');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Digits only.');
    expect(screen.queryByText('Empty: the default, 8007.')).toBeNull();

    await user.type(input, '{Backspace}');
    expect(input).toBeValid();
    expect(input).toHaveAccessibleDescription('Empty: the default, 8007.');
  });

  it('focuses the control when its label is clicked', async () => {
    const user = userEvent.setup();
    render(
      <Field label="Notes">
        <Textarea defaultValue="" />
      </Field>,
    );
    await user.click(screen.getByText('Notes'));
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveFocus();
  });

  it('labels a select, which keeps its options and a description of its own', async () => {
    const user = userEvent.setup();
    render(
      <>
        <p id="outside">Applies to new jobs only.</p>
        <Field label="Datastore" error="Choose a datastore.">
          <Select defaultValue="" aria-describedby="outside">
            <option value="">Choose…</option>
            <option value="store1">store1</option>
          </Select>
        </Field>
      </>,
    );
    const select = screen.getByRole('combobox', { name: 'Datastore' });
    expect(select).toBeInvalid();
    expect(select).toHaveAccessibleDescription('Choose a datastore. Applies to new jobs only.');
    await user.selectOptions(select, 'store1');
    expect(select).toHaveValue('store1');
  });

  it('keeps a disabled control disabled and labelled', async () => {
    const user = userEvent.setup();
    render(
      <Field label="Re-verify after (days)" description="Every snapshot is verified on every run.">
        <Input disabled defaultValue="30" />
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Re-verify after (days)' });
    expect(input).toBeDisabled();
    await user.type(input, '5');
    expect(input).toHaveValue('30');
    expect(input).toHaveAccessibleDescription('Every snapshot is verified on every run.');
  });

  it('gives every field its own control', () => {
    render(
      <>
        <Field label="From">
          <Input type="date" />
        </Field>
        <Field label="To" layout="inline" size="sm">
          <Input type="date" />
        </Field>
      </>,
    );
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    expect(from).not.toBe(to);
    expect(from.id).not.toBe(to.id);
  });
});

describe('Input outside a Field', () => {
  it('takes its name from aria-label and adds no description', () => {
    render(<Input type="search" aria-label="Search files by name" />);
    const input = screen.getByRole('searchbox', { name: 'Search files by name' });
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(input).not.toHaveAttribute('aria-invalid');
  });
});

describe('Checkbox', () => {
  it('toggles from its label and is described by its hint, which stays out of its name', async () => {
    const user = userEvent.setup();
    render(<Checkbox label="Live restore" description="Starts the VM at once from the backup." />);
    const box = screen.getByRole('checkbox', { name: 'Live restore' });
    expect(box).toHaveAccessibleDescription('Starts the VM at once from the backup.');
    await user.click(screen.getByText('Live restore'));
    expect(box).toBeChecked();
  });

  it("is invalid and described by the server's message while one stands", () => {
    render(
      <Checkbox label="Skip snapshots already verified" description="Saves time." error="value must be a boolean" />,
    );
    const box = screen.getByRole('checkbox', { name: 'Skip snapshots already verified' });
    expect(box).toBeInvalid();
    expect(box).toHaveAccessibleDescription('value must be a boolean');
  });

  it('cannot be toggled while disabled', async () => {
    const user = userEvent.setup();
    render(<Checkbox label="Start after restore" disabled />);
    const box = screen.getByRole('checkbox', { name: 'Start after restore' });
    expect(box).toBeDisabled();
    await user.click(box);
    expect(box).not.toBeChecked();
  });
});
