import { GuestsPage } from '@/features/guests/guests-page';

export default function GuestsRoute() {
  return <GuestsPage />;
}
