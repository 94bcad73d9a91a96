import { describeMaintenance, parseMaintenance } from './maintenance';

describe('maintenance mode', () => {
  it('reads the type and the quoted message', () => {
    expect(parseMaintenance('type=read-only,message="moving, soon back"')).toEqual({
      type: 'read-only',
      message: 'moving, soon back',
    });
    expect(parseMaintenance('type=offline')).toEqual({ type: 'offline' });
    expect(parseMaintenance(undefined)).toBeNull();
  });

  it('describes it in words', () => {
    expect(describeMaintenance('type=offline,message="disk swap"')).toBe('Maintenance (offline): disk swap');
  });
});
