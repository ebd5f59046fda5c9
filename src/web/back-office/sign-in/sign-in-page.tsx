import { useId, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useErrorText } from '#app/web/back-office/layout/staff-load-state.tsx';
import { useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { useSession } from '#app/web/back-office/session/session-context.tsx';

/** Only paths inside the back office may be a destination after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/admin') && !next.startsWith('//') ? next : '/admin';
}

/** Username and password; the server sets the session and CSRF cookies. */
export default function SignInPage() {
  const bt = useBackOfficeText();
  const errorText = useErrorText();
  const { me, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useStaffPageTitle(bt('signInTitle'));
  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    signIn(String(data.get('username') ?? ''), String(data.get('password') ?? '')).then(
      () => navigate(safeNext(params.get('next')), { replace: true }),
      (e: unknown) => {
        setBusy(false);
        setError(bt('signInFailed', { message: errorText(e) }));
      },
    );
  };

  return (
    <div className="sign-in">
      <h1>{bt('signInTitle')}</h1>
      <p className="lead">{bt('signInIntro')}</p>
      <form className="panel staff-form" onSubmit={submit} aria-describedby={error ? `${id}-error` : undefined}>
        {error && (
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-user`}>{bt('username')}</label>
          <input id={`${id}-user`} name="username" autoComplete="username" required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{bt('password')}</label>
          <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required maxLength={1024} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? bt('signingIn') : bt('signInSubmit')}
          </button>
        </div>
      </form>
    </div>
  );
}
