import { AppShell } from '../layout/app-shell';

export default AppShell;
