/**
 * Who the staff member is, for the API — the only module that knows. Locally it is the embedded
 * stack's token (printed by `npm start`), typed once and kept for this tab in sessionStorage; in AWS
 * a Cognito sign-in will replace this module, and `authHeaders` will send its ID token instead.
 */
const KEY = 'circulate.staff-token';

let field: HTMLInputElement | undefined;

function stored(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage disabled: the field still works for this page
  }
}

function store(token: string): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // as above
  }
}

export function bindTokenField(input: HTMLInputElement): void {
  field = input;
  input.value = stored();
  input.addEventListener('input', () => store(input.value.trim()));
}

export function currentToken(): string {
  return field?.value.trim() || stored();
}

export function authHeaders(): Record<string, string> {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
