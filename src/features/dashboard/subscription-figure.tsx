import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Figure, Unknown } from '@/components/ui/figure';
import { dashboardQueries } from './api';

const words: Record<string, string> = {
  active: 'active',
  new: 'new, not yet checked',
  notfound: 'no subscription',
  invalid: 'invalid',
  expired: 'expired',
  suspended: 'suspended',
};

export function SubscriptionFigure() {
  const { data, error } = useQuery(dashboardQueries.subscription());
  let value;
  if (data) {
    value = (
      <Badge tone={data.status === 'active' ? 'ok' : 'warning'} title={data.message}>
        {words[data.status] ?? data.status}
      </Badge>
    );
  } else value = error ? <Unknown title={error.message} /> : '…';
  return <Figure label="Subscription">{value}</Figure>;
}
