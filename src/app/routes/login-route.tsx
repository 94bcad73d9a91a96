import { Navigate, useLocation, useNavigate } from 'react-router';
import { LoginPage } from '@/features/auth/login-page';
import { useSession } from '../session';

interface FromState {
  from?: { pathname?: string; search?: string; hash?: string };
}

function target(state: unknown): string {
  const from = (state as FromState | null)?.from;
  const path = from?.pathname && from.pathname !== '/login' ? from.pathname : '/';
  return `${path}${from?.search ?? ''}${from?.hash ?? ''}`;
}

export function LoginRoute() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (session?.state === 'active') return <Navigate to={target(location.state)} replace />;
  return <LoginPage onLoggedIn={() => void navigate(target(location.state), { replace: true })} />;
}
