import { render, screen } from '@testing-library/react';
import { UsageHistoryChart } from './usage-history-chart';

describe('UsageHistoryChart', () => {
  it("draws a datastore's month of usage, named for screen readers", () => {
    render(
      <UsageHistoryChart
        usage={{
          store: 'store1',
          history: [null, 0.2, 0.25, null, 0.3],
          'history-start': 1_700_000_000,
          'history-delta': 86_400,
        }}
      />,
    );
    expect(screen.getByText('Usage, last month')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Usage of store1 over the last month' })).toBeInTheDocument();
  });

  it('says so when PBS has no history yet, instead of an empty chart', () => {
    render(
      <UsageHistoryChart usage={{ store: 'store2', history: [null, null], 'history-start': 0, 'history-delta': 60 }} />,
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/^Usage history:/)).toHaveTextContent('Usage history: no history yet');
  });
});
