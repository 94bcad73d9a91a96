import { pvesmCommand, repository, repositoryWithUser } from './connection-strings';

const target = { host: 'pbs.example', port: 8007, store: 'store1', user: 'root@pam', fingerprint: 'AA:BB' };

describe('connection strings', () => {
  it('leaves out the default port', () => {
    expect(repository(target)).toBe('pbs.example:store1');
    expect(repositoryWithUser(target)).toBe('root@pam@pbs.example:store1');
  });

  it('writes another port and brackets IPv6 hosts', () => {
    expect(repository({ ...target, port: 8443 })).toBe('pbs.example:8443:store1');
    expect(repository({ ...target, host: 'fd00::1' })).toBe('[fd00::1]:store1');
  });

  it('builds the pvesm line', () => {
    expect(pvesmCommand(target)).toBe(
      'pvesm add pbs store1 --server pbs.example --datastore store1 --username root@pam --fingerprint AA:BB',
    );
  });
});
