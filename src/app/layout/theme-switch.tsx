import { Monitor, Moon, Sun } from 'lucide-react';
import { cn } from '@/components/ui/cn';
import { useTheme, type ThemeChoice } from '../theme';

const choices: { value: ThemeChoice; label: string; Icon: typeof Sun }[] = [
  { value: 'system', label: 'System theme', Icon: Monitor },
  { value: 'light', label: 'Light theme', Icon: Sun },
  { value: 'dark', label: 'Dark theme', Icon: Moon },
];

export function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  return (
    <div
      role="group"
      aria-label="Colour theme"
      className="flex rounded-md border border-neutral-300 dark:border-neutral-600"
    >
      {choices.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          aria-label={label}
          title={label}
          aria-pressed={theme === value}
          onClick={() => setTheme(value)}
          className={cn(
            'flex size-8 cursor-pointer items-center justify-center text-neutral-700 first:rounded-l-md last:rounded-r-md hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800',
            theme === value && 'bg-neutral-200 text-neutral-950 dark:bg-neutral-700 dark:text-white',
          )}
        >
          <Icon aria-hidden className="size-4" />
        </button>
      ))}
    </div>
  );
}
