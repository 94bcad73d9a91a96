import { render, screen } from '@testing-library/react';
import { Bytes } from './bytes';
import { ServerZoneContext } from './server-zone';
import { Time } from './time';
import { UsageBar } from './usage-bar';

describe('figures', () => {
  it('shows bytes in IEC units with the exact count on hover', () => {
    render(<Bytes value={1610612736} />);
    const el = screen.getByText('1.5 GiB');
    expect(el).toHaveAttribute('title', '1,610,612,736 bytes');
  });

  it('shows a time with the server zone and UTC on hover', () => {
    render(
      <ServerZoneContext value="Pacific/Auckland">
        <Time epoch={1_700_000_000} />
      </ServerZoneContext>,
    );
    const el = screen.getByRole('time');
    expect(el).toHaveAttribute('dateTime', '2023-11-14T22:13:20.000Z');
    expect(el.getAttribute('title')).toContain('2023-11-14 22:13:20 UTC');
    expect(el.getAttribute('title')).toContain('(server, Pacific/Auckland)');
  });

  it('writes the usage level out, not only in colour', () => {
    render(<UsageBar ratio={0.97} level="critical" label="Usage of store1" />);
    const bar = screen.getByRole('progressbar', { name: 'Usage of store1' });
    expect(bar).toHaveAttribute('aria-valuenow', '97');
    expect(screen.getByText('97.0 % (critical)')).toBeInTheDocument();
  });
});
