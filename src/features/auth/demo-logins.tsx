import type { DemoLogin } from './api';

/** The simulator's accounts, to fill the form with (login-page.tsx loads this only when the deck simulates). */
export default function DemoLogins({ logins, onPick }: { logins: DemoLogin[]; onPick: (login: DemoLogin) => void }) {
  return (
    <section
      aria-labelledby="demo-logins-title"
      className="mt-6 border-t border-neutral-200 pt-4 dark:border-neutral-700"
    >
      <h2 id="demo-logins-title" className="mb-2 text-sm font-semibold">
        Demo logins (simulator)
      </h2>
      <p className="mb-2 text-xs text-neutral-600 dark:text-neutral-400">Choose one to fill in the form.</p>
      <ul className="space-y-1">
        {logins.map((login) => (
          <li key={login.username}>
            <button
              type="button"
              onClick={() => onPick(login)}
              className="w-full cursor-pointer rounded-md px-2 py-1 text-left text-sm hover:bg-neutral-100 dark:hover:bg-neutral-800"
            >
              <span className="font-mono">{login.username}</span>
              {login.password ? (
                <span className="text-neutral-600 dark:text-neutral-400"> / {login.password}</span>
              ) : null}
              {login.description ? (
                <span className="text-neutral-600 dark:text-neutral-400"> — {login.description}</span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
