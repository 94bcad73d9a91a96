import { useQuery } from '@tanstack/react-query';
import { EnumBadge, type EnumLook } from '@/components/ui/enum-badge';
import { Figure, Unknown } from '@/components/ui/figure';
import { dashboardQueries } from './api';

const LOOKS: Record<'new' | 'notfound' | 'active' | 'invalid' | 'expired' | 'suspended', EnumLook> = {
  active: { tone: 'ok', text: 'active' },
  new: { tone: 'warning', text: 'new, not yet checked' },
  notfound: { tone: 'warning', text: 'no subscription' },
  invalid: { tone: 'warning', text: 'invalid' },
  expired: { tone: 'warning', text: 'expired' },
  suspended: { tone: 'warning', text: 'suspended' },
};

export function SubscriptionFigure() {
  const { data, error } = useQuery(dashboardQueries.subscription());
  let value;
  if (data) value = <EnumBadge value={data.status} looks={LOOKS} title={data.message} />;
  else value = error ? <Unknown title={error.message} /> : '…';
  return <Figure label="Subscription">{value}</Figure>;
}
