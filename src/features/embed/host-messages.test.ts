import { messagesWanted, messageTargets, themeFromMessage, themeFromQuery } from './host-messages';

describe('host messages', () => {
  it('takes only a well-formed theme message', () => {
    expect(themeFromMessage({ type: 'pbs-deck:theme', theme: 'dark' })).toBe('dark');
    expect(themeFromMessage({ type: 'pbs-deck:theme', theme: 'light' })).toBe('light');
    expect(themeFromMessage({ type: 'pbs-deck:theme', theme: 'purple' })).toBeNull();
    expect(themeFromMessage({ type: 'other', theme: 'dark' })).toBeNull();
    expect(themeFromMessage('pbs-deck:theme')).toBeNull();
    expect(themeFromMessage(null)).toBeNull();
  });

  it('reads ?theme= and ?messages=', () => {
    expect(themeFromQuery('?theme=dark')).toBe('dark');
    expect(themeFromQuery('?theme=auto')).toBeNull();
    expect(messagesWanted('?messages=1')).toBe(true);
    expect(messagesWanted('?theme=dark')).toBe(false);
  });

  it('sends heights only to an allowed parent origin', () => {
    const allowed = ['https://dash.example', 'http://127.0.0.2:8000'];
    expect(messageTargets(allowed, 'https://dash.example')).toEqual(['https://dash.example']);
    expect(messageTargets(allowed, 'https://evil.example')).toEqual([]);
    expect(messageTargets(allowed, undefined)).toEqual(allowed);
    expect(messageTargets([], undefined)).toEqual([]);
  });
});
