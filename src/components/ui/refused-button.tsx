import { useId, type ReactNode } from 'react';
import { Button, type ButtonProps } from './button';
import { cn } from './cn';

interface RefusedButtonProps extends Pick<ButtonProps, 'variant' | 'size' | 'className' | 'aria-label'> {
  /** why the server would refuse the action: what it needs, where */
  reason: string;
  children: ReactNode;
}

/**
 * An action the server would refuse, shown in its place disabled with the reason as its description. It stays
 * focusable (aria-disabled rather than disabled), so a keyboard or screen-reader user learns the reason too; a
 * pointer user sees it on hover.
 */
export function RefusedButton({ reason, children, className, ...props }: RefusedButtonProps) {
  const id = useId();
  return (
    <>
      <Button
        {...props}
        aria-disabled="true"
        aria-describedby={id}
        title={reason}
        className={cn('cursor-not-allowed opacity-50', className)}
      >
        {children}
      </Button>
      <span id={id} className="sr-only">
        {reason}
      </span>
    </>
  );
}
